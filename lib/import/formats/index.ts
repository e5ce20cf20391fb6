// The file formats the importer reads, in the order they are asked whether a file is theirs and the
// order their files are written (places first: the Ofsted workbooks and neighbour groupings refer to
// LAs the data files define). The long layout is asked before the wide one: both have EES key columns,
// and a long file's value columns (e.g. `population_estimate`) can look like a wide series' measure.
// A new format is a module implementing ImportFormat (./types.ts), added here.
import { longCsvFormat } from "./long-csv";
import { ofstedOdsFormat } from "./ofsted-ods";
import { statNeighbours2021Format } from "./stat-neighbours-2021";
import { tidyCsvFormat } from "./tidy-csv";
import type { ImportFormat } from "./types";

export const FORMATS: readonly ImportFormat<never>[] = [
  longCsvFormat,
  tidyCsvFormat,
  statNeighbours2021Format,
  ofstedOdsFormat,
] as unknown as readonly ImportFormat<never>[];
