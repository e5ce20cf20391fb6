// DfE's statistical neighbour groupings CSV in the April 2021 layout ("LA num", "LA Name", SN1…SN10
// each followed by a closeness label; parser: ../parse-stat-neighbours.ts). Written like every grouping
// (./neighbour-groupings.ts, decision 0021): kept beside the others, replacing only its own grouping's
// lists. Which grouping a file is comes from its name ("…_April_2021.csv"); a name that does not say is refused.
import { looksLikeStatNeighbours, parseStatNeighbours } from "../parse-stat-neighbours";
import { groupingLayout } from "./neighbour-groupings";

export const statNeighbours2021Format = groupingLayout("a statistical neighbour file", looksLikeStatNeighbours, parseStatNeighbours);
