// The `indicator` table mirrors the catalogue (plan actions and values reference it by foreign key).
// Only rows that differ from the catalogue are written, so an import with nothing new writes nothing.
import { INDICATORS, indicatorSummary, type CatalogueIndicator } from "@/lib/catalogue";
import type { Tx } from "../formats/types";
import { columnsOf } from "./unnest";

export async function upsertIndicators(tx: Tx) {
  const stored = new Map((await tx.indicator.findMany()).map((r) => [r.id, r]));
  const changed: ({ id: string } & Record<
    "label" | "shortLabel" | "description" | "unit" | "polarity" | "series" | "sourceColumn" | "referenceDate",
    string
  > & {
      decimals: number;
      isHeadline: boolean;
      sortOrder: number;
    })[] = [];
  for (const [i, d] of (INDICATORS as readonly CatalogueIndicator[]).entries()) {
    const data = {
      ...indicatorSummary(d),
      isHeadline: d.roles?.includes("headline") ?? false,
      sortOrder: i,
    };
    const old = stored.get(d.id);
    if (old && (Object.keys(data) as (keyof typeof data)[]).every((k) => old[k] === data[k])) continue;
    changed.push({ id: d.id, ...data });
  }
  if (changed.length === 0) return;
  // one statement for all of them (a first import writes every indicator)
  await tx.$executeRawUnsafe(
    `insert into indicator (id, label, "shortLabel", description, unit, polarity, series, "sourceColumn", "referenceDate", decimals, "isHeadline", "sortOrder")
     select t.id, t.label, t.short_label, t.description, t.unit::"Unit", t.polarity::"Polarity", t.series::"DataSeries", t.source_column,
            t.reference_date, t.decimals, t.is_headline, t.sort_order
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::bool[], $12::int[])
         as t(id, label, short_label, description, unit, polarity, series, source_column, reference_date, decimals, is_headline, sort_order)
     on conflict (id) do update set label = excluded.label, "shortLabel" = excluded."shortLabel", description = excluded.description,
        unit = excluded.unit, polarity = excluded.polarity, series = excluded.series, "sourceColumn" = excluded."sourceColumn",
        "referenceDate" = excluded."referenceDate", decimals = excluded.decimals, "isHeadline" = excluded."isHeadline", "sortOrder" = excluded."sortOrder"`,
    ...columnsOf(changed, [
      "id",
      "label",
      "shortLabel",
      "description",
      "unit",
      "polarity",
      "series",
      "sourceColumn",
      "referenceDate",
      "decimals",
      "isHeadline",
      "sortOrder",
    ]),
  );
}
