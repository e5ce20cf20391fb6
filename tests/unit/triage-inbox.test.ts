// The analysts' inbox as pure functions: joining triage to the national rows, the status filter, the
// sorts (change in score, days since last review, status), the CSV columns and the table markup.
import { describe, expect, it } from "vitest";
import { renderInboxTable } from "@/components/triage/inbox-table";
import { nationalCsv, type NationalRow } from "@/lib/risk/national";
import {
  countByStatus,
  daysBetween,
  filterInbox,
  formatChange,
  formatDaysSince,
  INBOX_CSV_HEAD,
  inboxCsvCells,
  scoreChange,
  sortInbox,
  toInboxRows,
  toInboxTableRows,
  type TriageStateView,
} from "@/lib/triage/inbox";
import { nationalRow } from "./risk-fixtures";

const row = nationalRow;

function state(laNumber: string, over: Partial<TriageStateView> = {}): TriageStateView {
  return {
    laNumber,
    status: "UNDER_REVIEW",
    version: 2,
    latestNote: "Called the DCS",
    lastReviewedAt: "2026-11-20T10:00:00.000Z",
    lastReviewedByName: "Ann Analyst",
    reopenReason: null,
    updatedAt: "2026-11-20T10:00:00.000Z",
    updatedByName: "Ann Analyst",
    ...over,
  };
}

const NOW = new Date("2026-11-26T12:00:00Z");

/** A trend of risk scores, year → score. */
const byYear = (scores: Record<number, number>) => Object.entries(scores).map(([period, score]) => ({ period: Number(period), score }));

const rows: NationalRow[] = [
  row({ laNumber: "100", name: "Alpha", rank: 1, score: 9, trend: byYear({ 2023: 4, 2024: 9 }) }),
  row({ laNumber: "101", name: "Bravo", rank: 2, score: 6, trend: byYear({ 2023: 7.5, 2024: 6 }) }),
  row({ laNumber: "102", name: "Charlie", rank: 3, score: 3, trend: byYear({ 2024: 3 }) }),
  row({ laNumber: "103", name: "Delta", rank: 4, score: 1, trend: byYear({ 2023: 1, 2024: 1 }) }),
];

const states = new Map<string, TriageStateView>([
  ["100", state("100", { status: "REVIEWED", version: 3, lastReviewedAt: "2026-11-25T09:00:00.000Z" })],
  [
    "101",
    state("101", {
      status: "NEW",
      version: 4,
      reopenReason: "agency rate 2025: 41.7%, new red flag",
      lastReviewedAt: "2026-10-01T09:00:00.000Z",
    }),
  ],
  ["103", state("103", { status: "ESCALATED", version: 1, lastReviewedAt: "2026-11-26T08:00:00.000Z" })],
]);

const inbox = toInboxRows(rows, states, { now: NOW, workforcePeriod: 2024 });
const order = (list: { row: NationalRow }[]) => list.map((r) => r.row.laNumber);

describe("joining triage to the national rows", () => {
  it("an LA with no triage row is new, at version 0, never reviewed", () => {
    const charlie = inbox.find((r) => r.row.laNumber === "102")!;
    expect(charlie).toMatchObject({ status: "NEW", version: 0, triage: null, daysSinceReview: null });
    expect(inbox.find((r) => r.row.laNumber === "100")).toMatchObject({ status: "REVIEWED", version: 3, daysSinceReview: 1 });
  });

  it("change in score is the score now minus the score before the newest workforce release", () => {
    expect(inbox.map((r) => r.change)).toEqual([5, -1.5, null, 0]);
    expect(scoreChange({ score: 7.3, trend: [{ period: 2023, score: 5.1 }] }, 2024)).toBe(2.2);
    expect(formatChange(5)).toBe("+5");
    expect(formatChange(-1.5)).toBe("−1.5");
    expect(formatChange(0)).toBe("0");
    expect(formatChange(null)).toBe("–");
  });

  it("counts days since review in London calendar days, across midnight and summer time", () => {
    expect(daysBetween(new Date("2026-11-25T23:30:00Z"), new Date("2026-11-26T00:10:00Z"))).toBe(1);
    expect(daysBetween(new Date("2026-06-30T23:30:00Z"), new Date("2026-07-01T08:00:00Z"))).toBe(0); // 00:30 BST on 1 July
    expect(formatDaysSince(null)).toBe("Never");
    expect(formatDaysSince(0)).toBe("Today");
    expect(formatDaysSince(1)).toBe("1 day ago");
    expect(formatDaysSince(56)).toBe("56 days ago");
  });

  it("counts every status, and the new ones reopened by an import", () => {
    expect(countByStatus(inbox)).toEqual({ NEW: 2, UNDER_REVIEW: 0, REVIEWED: 1, ESCALATED: 1, reopened: 1 });
  });
});

describe("filter and sort", () => {
  it("filters by one status, or everything not yet reviewed", () => {
    expect(order(filterInbox(inbox, "NEW"))).toEqual(["101", "102"]);
    expect(order(filterInbox(inbox, "REVIEWED"))).toEqual(["100"]);
    expect(order(filterInbox(inbox, "OPEN"))).toEqual(["101", "102", "103"]);
    expect(order(filterInbox(inbox, undefined))).toEqual(["100", "101", "102", "103"]);
  });

  it("sorts by change in score, rows without a previous score last either way", () => {
    expect(order(sortInbox(inbox, "change"))).toEqual(["100", "103", "101", "102"]);
    expect(order(sortInbox(inbox, "change", "asc"))).toEqual(["101", "103", "100", "102"]);
  });

  it("sorts by days since last review: never reviewed waits longest", () => {
    expect(order(sortInbox(inbox, "review"))).toEqual(["102", "101", "100", "103"]);
    expect(order(sortInbox(inbox, "review", "asc"))).toEqual(["103", "100", "101", "102"]);
  });

  it("sorts by status (escalated first) and keeps the national sorts", () => {
    expect(order(sortInbox(inbox, "status"))).toEqual(["103", "101", "102", "100"]);
    expect(order(sortInbox(inbox, "score"))).toEqual(["100", "101", "102", "103"]);
    expect(order(sortInbox(inbox, "name", "desc"))).toEqual(["103", "102", "101", "100"]);
  });
});

describe("CSV with triage", () => {
  it("adds status, the reopen reason and the latest note after the national columns; a note cannot become a formula", () => {
    const withFormula = toInboxRows([rows[0]!], new Map([["100", state("100", { latestNote: '=HYPERLINK("http://x.example","y")' })]]), {
      now: NOW,
      workforcePeriod: 2024,
    });
    const csv = nationalCsv([...withFormula, ...inbox.slice(1)], "2026-11-26", { head: INBOX_CSV_HEAD, cells: inboxCsvCells });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(
      /^rank,joint_rank,la_number,local_authority,.*,assessed_as_at,score_change_since_previous_workforce_release,triage_status,triage_changed_since_review,triage_latest_note,triage_last_reviewed_by,triage_last_reviewed_at,days_since_last_review$/,
    );
    expect(lines[1]).toContain(`,5,Under review,,"'=HYPERLINK(""http://x.example"",""y"")",Ann Analyst,2026-11-20T10:00:00.000Z,6`);
    expect(lines[2]).toContain(`,-1.5,New,"agency rate 2025: 41.7%, new red flag",Called the DCS,Ann Analyst,`);
    expect(lines[3]).toMatch(/,New,,,,,$/);
    expect(lines).toHaveLength(5);
  });
});

describe("inbox table markup", () => {
  it("gives each row a labelled checkbox in the bulk form carrying its version, escapes everything, and shows why it reopened", () => {
    const table = toInboxTableRows(
      toInboxRows(
        [row({ laNumber: "330", name: `<b>Birmingham</b>`, score: 5, rank: 53, joint: true })],
        new Map([
          [
            "330",
            state("330", {
              status: "NEW",
              version: 7,
              reopenReason: "caseload 2025: 24.1 cases, new red flag",
              latestNote: "<script>x</script>",
            }),
          ],
        ]),
        { now: NOW, workforcePeriod: 2024 },
      ),
    );
    const html = renderInboxTable({
      rows: table,
      headings: [{ label: "Local authority", href: "/risk?sort=name&order=asc#inbox-table", ariaSort: "ascending", arrow: "▲" }],
      caption: "Inbox",
      laHref: (la) => `/risk/la/${la}?inbox=status%3DNEW`,
      checked: new Set(["330"]),
    });
    expect(html).toContain('<input type="checkbox" id="select-330" name="selected" value="330:7" form="triage-bulk-form"');
    expect(html).toContain(" checked>");
    expect(html).toContain('<label for="select-330" class="govuk-visually-hidden">Select &lt;b&gt;Birmingham&lt;/b&gt;</label>');
    expect(html).toContain('href="/risk/la/330?inbox=status%3DNEW"');
    expect(html).toContain("Changed since review");
    expect(html).toContain("caseload 2025: 24.1 cases, new red flag");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('aria-sort="ascending"');
    // a tied score's place is "joint"
    expect(table[0]!.rank).toBe("joint 53rd");
    expect(html).toContain("<strong>5</strong>");
    expect(html).toContain("joint 53rd</span>");
    const unticked = renderInboxTable({ rows: table, headings: [], caption: "Inbox", laHref: () => "/", checked: new Set() });
    expect(unticked).not.toContain(" checked>");
  });
});
