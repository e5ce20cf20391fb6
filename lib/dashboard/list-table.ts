// The all-LA list on `/` as a table of text (its CSV download, `/csv`): the same authorities, filters and
// columns as the page, each figure as published (markers as their letters). Pure; the page renders the
// same columns with tags and links (app/page.tsx), decision 0026.
import { indicatorById, judgementLabel, periodLabel, type IndicatorId, type JudgementId } from "@/lib/catalogue";
import { CALCULATED_NOTE } from "@/lib/core/values";
import type { CsvTable } from "./csv";

type ListRow = {
  laNumber: string;
  name: string;
  onsCode: string;
  regionName: string;
  judgement: JudgementId | null;
  inspectionDate: string | null;
  values: Record<string, { value: number | null; marker: string | null; raw: string; calculated?: boolean } | undefined>;
};

/** A list column's heading: its short label and the period its figures are for ("Agency rate, 30 Sep 2025"). */
export function listColumnHeading(id: IndicatorId, period: number | null): string {
  const d = indicatorById(id);
  return period === null ? d.shortLabel : `${d.shortLabel}, ${periodLabel(d.series, period, "short")}`;
}

export function listTable(
  list: { rows: readonly ListRow[]; periods: Readonly<Record<string, number | null>> },
  columns: readonly IndicatorId[],
): CsvTable {
  return {
    head: [
      "Local authority",
      "LA number",
      "ONS code",
      "Region",
      "Ofsted overall effectiveness",
      "Ofsted inspection date",
      ...columns.map((id) => listColumnHeading(id, list.periods[id] ?? null)),
      "Notes",
    ],
    rows: list.rows.map((r) => [
      r.name,
      r.laNumber,
      r.onsCode,
      r.regionName,
      r.judgement ? judgementLabel(r.judgement) : "",
      r.inspectionDate ?? "",
      ...columns.map((id) => {
        const v = r.values[id];
        return v ? (v.marker ?? v.raw) : "";
      }),
      // a figure this service calculated is said so (never passed off as published)
      columns
        .filter((id) => r.values[id]?.calculated)
        .map((id) => `${indicatorById(id).shortLabel}: ${CALCULATED_NOTE}`)
        .join("; "),
    ]),
  };
}
