// The `indicator` table mirrors the catalogue (plan actions and values reference it by foreign key).
// Only rows that differ from the catalogue are written, so an import with nothing new writes nothing.
import { INDICATORS, seriesById, sourceColumns, type CatalogueIndicator } from "@/lib/catalogue";
import type { Tx } from "../formats/types";

export async function upsertIndicators(tx: Tx) {
  const stored = new Map((await tx.indicator.findMany()).map((r) => [r.id, r]));
  for (const [i, d] of (INDICATORS as readonly CatalogueIndicator[]).entries()) {
    const data = {
      label: d.label,
      shortLabel: d.shortLabel,
      description: d.description,
      unit: d.unit,
      polarity: d.polarity,
      series: d.series,
      sourceColumn: sourceColumns(d)[0] ?? d.selection?.column ?? "",
      referenceDate: seriesById(d.series).referenceDate,
      decimals: d.decimals,
      isHeadline: d.roles?.includes("headline") ?? false,
      sortOrder: i,
    };
    const old = stored.get(d.id);
    if (old && (Object.keys(data) as (keyof typeof data)[]).every((k) => old[k] === data[k])) continue;
    await tx.indicator.upsert({ where: { id: d.id }, create: { id: d.id, ...data }, update: data });
  }
}
