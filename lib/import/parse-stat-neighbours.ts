// Parser for DfE's statistical neighbour groupings CSV: one row per LA, ten neighbours (3-digit LA
// numbers) each followed by a closeness label. Read by position because the label columns are all
// called "SNP"; stop at the first blank row (a legacy block of pre-reorganisation LAs follows).
import { readCsvRecords } from "./parse-tidy-csv";
import { nameProblem, shown } from "@/lib/core/markers";
import { ImportError } from "./types";

export const CLOSENESS_LABELS = ["Extremely Close", "Very Close", "Close", "Somewhat close", "Not Close"] as const;
export type Closeness = (typeof CLOSENESS_LABELS)[number];

export type StatNeighbourRow = {
  line: number;
  laNumber: string;
  laName: string;
  neighbours: { rank: number; laNumber: string; closeness: Closeness }[];
};

export type StatNeighbourFile = { fileName: string; rows: StatNeighbourRow[]; legacyRows: number };

export function looksLikeStatNeighbours(header: readonly string[]): boolean {
  const h = header.map((c) =>
    c
      .replace(/^\uFEFF/, "")
      .trim()
      .toLowerCase(),
  );
  return h[0] === "la num" && h.includes("sn1") && h.includes("sn10");
}

function closenessOf(text: string): Closeness | undefined {
  const t = text.trim().toLowerCase();
  return CLOSENESS_LABELS.find((label) => label.toLowerCase() === t);
}

export function parseStatNeighbours(fileName: string, text: string): StatNeighbourFile {
  const records = readCsvRecords(fileName, text, { relaxColumnCount: true, skipEmptyLines: false });
  const header = records[0] ?? [];
  if (!looksLikeStatNeighbours(header)) throw new ImportError('header does not start with "LA num" and SN1…SN10', fileName, 1, header[0]);
  const sn1 = header.findIndex((c) => c.trim().toUpperCase() === "SN1");
  const nameCol = header.findIndex((c) => c.trim().toLowerCase() === "la name");
  if (nameCol < 0) throw new ImportError('column "LA Name" is missing', fileName, 1, "LA Name");

  const rows: StatNeighbourRow[] = [];
  const firstLine = new Map<string, number>();
  let legacyRows = 0;
  let stopped = false;
  for (let r = 1; r < records.length; r++) {
    const rec = records[r]!;
    const line = r + 1;
    const laNumber = (rec[0] ?? "").trim();
    if (stopped) {
      if (/^\d{3}$/.test(laNumber)) legacyRows++;
      continue;
    }
    if (laNumber === "") {
      stopped = true; // blank separator: what follows is the legacy block
      continue;
    }
    if (!/^\d{3}$/.test(laNumber))
      throw new ImportError(`LA number ${shown(laNumber)} is not a 3-digit DfE number`, fileName, line, header[0]);
    const earlier = firstLine.get(laNumber);
    if (earlier !== undefined)
      throw new ImportError(`LA ${laNumber} already has its neighbours on line ${earlier}`, fileName, line, header[0]);
    firstLine.set(laNumber, line);
    const laName = (rec[nameCol] ?? "").trim();
    const problem = nameProblem(laName);
    if (problem) throw new ImportError(`LA name ${shown(laName)} ${problem}`, fileName, line, header[nameCol]);
    const neighbours: StatNeighbourRow["neighbours"] = [];
    for (let rank = 1; rank <= 10; rank++) {
      const col = sn1 + (rank - 1) * 2;
      const n = (rec[col] ?? "").trim();
      const label = rec[col + 1] ?? "";
      if (!/^\d{3}$/.test(n))
        throw new ImportError(`neighbour ${rank} ${shown(n)} is not a 3-digit DfE number`, fileName, line, header[col] ?? `SN${rank}`);
      if (n === laNumber) throw new ImportError(`an LA cannot be its own neighbour`, fileName, line, header[col]);
      const closeness = closenessOf(label);
      if (!closeness) {
        throw new ImportError(
          `unknown closeness label ${shown(label)} (expected one of ${CLOSENESS_LABELS.join(", ")})`,
          fileName,
          line,
          `${header[col + 1] ?? "SNP"} after SN${rank}`,
        );
      }
      neighbours.push({ rank, laNumber: n, closeness });
    }
    if (new Set(neighbours.map((x) => x.laNumber)).size !== 10) throw new ImportError("the same neighbour appears twice", fileName, line);
    rows.push({ line, laNumber, laName, neighbours });
  }
  if (rows.length === 0) throw new ImportError("no statistical neighbour rows", fileName, 2);
  return { fileName, rows, legacyRows };
}
