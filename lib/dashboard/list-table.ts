// The all-LA list on `/` as a table of text (its CSV download, `/csv`): the same authorities, filters and
// columns as the page, each figure as published (markers as their letters). Pure; the page renders the
// same columns with tags and links (app/page.tsx), decision 0026.
import { indicatorById, judgementLabel, periodLabel, type IndicatorId, type JudgementId } from "@/lib/catalogue";
import { CALCULATED_NOTE } from "@/lib/core/values";
import type { CsvTable } from "./csv";

export type ListRow = {
  laNumber: string;
  name: string;
  onsCode: string;
  regionName: string;
  judgement: JudgementId | null;
  inspectionDate: string | null;
  values: Record<string, { value: number | null; marker: string | null; raw: string; calculated?: boolean } | undefined>;
};

/**
 * A list column's heading: its short label and the period its figures are for ("Agency rate, 30 Sep 2025"),
 * and "calculated by this service" when every figure in the column is (said once, not in 150 cells).
 */
export function listColumnHeading(id: IndicatorId, period: number | null, allCalculated = false): string {
  const d = indicatorById(id);
  const label = period === null ? d.shortLabel : `${d.shortLabel}, ${periodLabel(d.series, period, "short")}`;
  return allCalculated ? `${label} (${CALCULATED_NOTE})` : label;
}

/** The columns whose every figure (markers aside) this service calculated: their heading says so. */
export function calculatedColumns(rows: readonly Pick<ListRow, "values">[], columns: readonly IndicatorId[]): Set<IndicatorId> {
  return new Set(
    columns.filter((id) => {
      const figures = rows.flatMap((r) => (r.values[id] && r.values[id].value !== null ? [r.values[id]] : []));
      return figures.length > 0 && figures.every((f) => f.calculated);
    }),
  );
}

export function listTable(
  list: { rows: readonly ListRow[]; periods: Readonly<Record<string, number | null>> },
  columns: readonly IndicatorId[],
): CsvTable {
  const calculated = calculatedColumns(list.rows, columns);
  return {
    head: [
      "Local authority",
      "LA number",
      "ONS code",
      "Region",
      "Ofsted overall effectiveness",
      "Ofsted inspection date",
      ...columns.map((id) => listColumnHeading(id, list.periods[id] ?? null, calculated.has(id))),
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
      // a figure this service calculated is said so (never passed off as published): here, unless its heading says it
      columns
        .filter((id) => r.values[id]?.calculated && !calculated.has(id))
        .map((id) => `${indicatorById(id).shortLabel}: ${CALCULATED_NOTE}`)
        .join("; "),
    ]),
  };
}
