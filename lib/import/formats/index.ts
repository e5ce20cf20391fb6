// The file formats the importer reads, in the order they are asked whether a file is theirs and the
// order their files are written (places are written before any of them, by the run's shared geography
// step: the neighbour groupings, spending, Fingertips and Ofsted files refer to LAs the data files
// define). The long layout is asked before the wide one: both have EES key columns, and a long file's
// value columns (e.g. `population_estimate`) can look like a wide series' measure. The revenue outturn
// workbooks are asked before Ofsted's, whose recogniser reports any other workbook as not recognised.
// A new format is a module implementing ImportFormat (./types.ts), added here.
import { fingertipsFormat } from "./fingertips";
import { longCsvFormat } from "./long-csv";
import { neighbourGrouping2025Format } from "./neighbour-groupings";
import { ofstedOdsFormat } from "./ofsted-ods";
import { revenueOutturnFormat } from "./outturn-ods";
import { statNeighbours2021Format } from "./stat-neighbours-2021";
import { tidyCsvFormat } from "./tidy-csv";
import type { ImportFormat } from "./types";

export const FORMATS: readonly ImportFormat<never>[] = [
  longCsvFormat,
  tidyCsvFormat,
  statNeighbours2021Format,
  neighbourGrouping2025Format,
  fingertipsFormat,
  revenueOutturnFormat,
  ofstedOdsFormat,
] as unknown as readonly ImportFormat<never>[];
