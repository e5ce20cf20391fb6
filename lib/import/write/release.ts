// The release row every imported file writes first: which file (name and checksum), which series and
// edition, and how much it held. Its id is what each stored value records as its source.
import { DEFINITIONS_VERSION } from "@/lib/catalogue";
import type { DataSeries, Marker } from "@/lib/generated/prisma/enums";
import type { Tx } from "../formats/types";

export type ReleaseFacts = {
  series: DataSeries;
  editionRank: number;
  edition: string;
  rowCount: number;
  valueCount?: number;
  /** markers counted by letter; their total is stored */
  markers?: Partial<Record<Marker, number>>;
  /** false for files read without the indicator catalogue (groupings, Ofsted workbooks) */
  usesDefinitions?: boolean;
};

/** The total of a file's marker counts. */
export const markerTotal = (markers: Partial<Record<Marker, number>> = {}) => Object.values(markers).reduce((a, b) => a + (b ?? 0), 0);

/** Writes the file's release row (`dataRelease`) and returns it. */
export function createRelease(tx: Tx, file: { fileName: string; sha256: string }, facts: ReleaseFacts) {
  return tx.dataRelease.create({
    data: {
      series: facts.series,
      fileName: file.fileName,
      sha256: file.sha256,
      definitionsVersion: facts.usesDefinitions === false ? "" : DEFINITIONS_VERSION,
      editionRank: facts.editionRank,
      edition: facts.edition,
      rowCount: facts.rowCount,
      valueCount: facts.valueCount ?? 0,
      markerCount: markerTotal(facts.markers),
    },
  });
}

/** "2019–2025": the span of periods a file covers, for its edition label. */
export const periodSpan = (periods: readonly number[]) => `${Math.min(...periods)}–${Math.max(...periods)}`;
