// What each measure means, where it comes from (file and release) and its reference date. The same for
// every LA (it depends only on the catalogue and the releases held), so it is made once per release as one
// HTML string (components/govuk/html.ts): ~30 details of summary lists are ~1,000 elements that would
// otherwise travel a second time in each LA page's RSC payload (decision 0031 "send less"). Twin of the
// React markup it replaced, checked for the published data in tests/integration/definitions-twin.test.ts.
import { escapeHtml, htmlCache, linkHtml } from "@/components/govuk/html";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";
import { UNIT_LABELS } from "@/lib/core/values";

export const POLARITY: Record<string, string> = {
  HIGHER_IS_WORSE: "Higher is worse: an increase is shown as worse, and rank 1 is the lowest figure.",
  HIGHER_IS_BETTER: "Higher is better: an increase is shown as better, and rank 1 is the highest figure.",
  NEUTRAL: "Neither direction is better in itself: changes are shown without a judgement, and rank 1 is the lowest figure.",
};

export const MARKERS_NOTE =
  "Where the publisher printed a letter instead of a number (c, low, u, x or z), we show that letter with its meaning, never 0; charts leave a gap. ";

type Definition = Dashboard["definitions"][number];

/** The rows of one measure's summary list, as [key, escaped markup]. */
function rowsOf(d: Definition): [string, string][] {
  return [
    ["What it measures", escapeHtml(d.meta.description)],
    ["Unit", escapeHtml(UNIT_LABELS[d.meta.unit] ?? d.meta.unit)],
    ["Reading it", escapeHtml(POLARITY[d.meta.polarity] ?? "")],
    ["Reference date", escapeHtml(d.meta.referenceDate)],
    ["Source", escapeHtml(d.seriesLabel)],
    [
      "File and release",
      d.release
        ? `<code class="break-all">${escapeHtml(d.release.fileName)}</code>, column <code>${escapeHtml(d.meta.sourceColumn)}</code> (${escapeHtml(d.release.edition)}; imported ${escapeHtml(formatIsoDate(d.release.importedAt))})`
        : "Not imported",
    ],
    ["Years", escapeHtml(d.years.length ? `${d.years[0]} to ${d.years.at(-1)}` : "None")],
    ["Markers", `${escapeHtml(MARKERS_NOTE)}${linkHtml("/about/data#symbols", "What the markers mean")}.`],
  ];
}

/** Every measure as a GOV.UK details holding a summary list (twin of <Details> and <SummaryList>). */
export function definitionsHtml(definitions: readonly Definition[]): string {
  return definitions
    .map(
      (d) =>
        `<details id="definition-${escapeHtml(d.meta.id)}" class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${escapeHtml(d.meta.label)}</span></summary><div class="govuk-details__text"><dl class="govuk-summary-list govuk-summary-list--no-actions">` +
        rowsOf(d)
          .map(
            ([key, value]) =>
              `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${escapeHtml(key)}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`,
          )
          .join("") +
        "</dl></div></details>",
    )
    .join("");
}

const kept = htmlCache(4);

export function IndicatorDefinitions({ dashboard }: { dashboard: Dashboard }) {
  const html = kept(JSON.stringify(dashboard.definitions), () => definitionsHtml(dashboard.definitions));
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}
