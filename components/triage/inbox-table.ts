// The analysts' inbox table as markup (pure; rendered by components/triage/triage-inbox.tsx). Like the
// national table it is one HTML string, not 153 rows of React elements (decision 0007, "Performance").
// Each row's checkbox belongs to the bulk form by its `form` attribute and carries the LA number and
// the triage version the page was drawn from ("393:4"), so a bulk save is versioned per LA.
import { escapeHtml, linkHtml, sortHeadingHtml, tableHtml, tagHtml } from "@/components/govuk/html";
import { flagCountsHtml } from "@/components/risk/cells-html";
import type { TriageStatus } from "@/lib/generated/prisma/enums";
import { formatChange, formatDaysSince, TRIAGE_STATUS_LABELS, type InboxTableRow } from "@/lib/triage/inbox";
import { TRIAGE_STATUS_COLOURS } from "./status-tag";

export const BULK_FORM_ID = "triage-bulk-form";
export const INBOX_TABLE_ID = "inbox-table";

/** A sortable column heading, worked out on the server (the link keeps every filter). */
export type InboxHeading = { label: string; href?: string; ariaSort?: "ascending" | "descending"; numeric?: boolean; arrow?: "▲" | "▼" };

const NOTE_PREVIEW = 140;

/** Twin of <TriageStatusTag status={status} /> (./status-tag.tsx). */
export function triageStatusTagHtml(status: TriageStatus): string {
  return tagHtml(TRIAGE_STATUS_COLOURS[status], TRIAGE_STATUS_LABELS[status]);
}

/** Twin of <ChangedSinceReviewTag /> (./status-tag.tsx). */
export const changedSinceReviewTagHtml = (): string => tagHtml("pink", "Changed since review");

function statusHtml(status: TriageStatus, reopenReason: string | null): string {
  const tag = triageStatusTagHtml(status);
  if (!reopenReason) return tag;
  return `${tag} ${changedSinceReviewTagHtml()}<span class="block text-base text-govuk-secondary-text">${escapeHtml(reopenReason)}</span>`;
}

function noteHtml(r: InboxTableRow): string {
  if (!r.latestNote) return '<span class="text-govuk-secondary-text">No note yet</span>';
  const text = r.latestNote.length > NOTE_PREVIEW ? `${r.latestNote.slice(0, NOTE_PREVIEW).trimEnd()}…` : r.latestNote;
  const by = r.lastReviewedByName
    ? `<span class="block text-base text-govuk-secondary-text">${escapeHtml(r.lastReviewedByName)}</span>`
    : "";
  return `${escapeHtml(text)}${by}`;
}

/** The row's checkbox, in the bulk form by its `form` attribute (table-only markup: no React component stands for it). */
function checkboxHtml(r: InboxTableRow, checked: boolean): string {
  const id = `select-${escapeHtml(r.laNumber)}`;
  return (
    `<input type="checkbox" id="${id}" name="selected" value="${escapeHtml(`${r.laNumber}:${r.version}`)}" form="${BULK_FORM_ID}" class="h-6 w-6 cursor-pointer accent-govuk-black"${checked ? " checked" : ""}>` +
    `<label for="${id}" class="govuk-visually-hidden">Select ${escapeHtml(r.name)}</label>`
  );
}

export function renderInboxTable(options: {
  rows: readonly InboxTableRow[];
  headings: readonly InboxHeading[];
  caption: string;
  laHref: (laNumber: string) => string;
  checked: ReadonlySet<string>;
}): string {
  const head = [
    { html: '<span class="govuk-visually-hidden">Select</span>' },
    ...options.headings.map((h) => ({
      html: h.href ? sortHeadingHtml(h.href, h.label, h.arrow) : escapeHtml(h.label),
      numeric: h.numeric,
      ariaSort: h.ariaSort,
    })),
  ];
  return tableHtml({
    id: INBOX_TABLE_ID,
    caption: options.caption,
    captionSize: "s",
    captionId: `${INBOX_TABLE_ID}-caption`,
    head,
    rows: options.rows.map((r) => [
      { html: checkboxHtml(r, options.checked.has(r.laNumber)) },
      { html: linkHtml(options.laHref(r.laNumber), r.name), header: true },
      { html: escapeHtml(r.regionName) },
      {
        html: `<strong>${escapeHtml(r.score)}</strong><span class="block text-base text-govuk-secondary-text">${escapeHtml(r.rank)}</span>`,
        numeric: true,
      },
      { html: escapeHtml(formatChange(r.change)), numeric: true },
      { html: flagCountsHtml(r.red, r.amber) },
      { html: statusHtml(r.status, r.reopenReason) },
      { html: escapeHtml(formatDaysSince(r.daysSinceReview)) },
      { html: noteHtml(r) },
    ]),
  });
}
