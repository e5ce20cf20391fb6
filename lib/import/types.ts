// Shapes passed between the pure parsers (lib/import/parse-*.ts) and the database writer (lib/import/write-*.ts).
import type { InspectionType, Judgement } from "@/lib/generated/prisma/enums";

/** Error that names where in a file the problem is. Its message is safe to show to an operator. */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(`${file}${line !== undefined ? `, line ${line}` : ""}${column !== undefined ? `, column "${column}"` : ""}: ${message}`);
    this.name = "ImportError";
  }
}

/** One Ofsted inspection or visit as read from a workbook, before merging with what the database holds. */
export type OfstedEvent = {
  /** DfE 3-digit LA number, resolved from the ONS code (2025 layout) or the name crosswalk (2024 layout). */
  laNumber: string;
  type: InspectionType;
  inspectionDate: string | null; // ISO yyyy-mm-dd
  publicationDate: string | null; // ISO yyyy-mm-dd
  overall: Judgement | null;
  leadership: Judgement | null;
  helpAndProtection: Judgement | null;
  childrenInCare: Judgement | null;
  careLeavers: Judgement | null;
  visitTheme: string | null;
  /** where it came from, for error messages: "ILACS_inspection_history row 17" */
  source: string;
};

/** One row of Ofsted's "latest judgement per LA as at <date>" sheet. */
export type OfstedPositionRow = Omit<OfstedEvent, "type" | "visitTheme"> & { type: InspectionType | null };

export type OfstedWorkbook = {
  /** e.g. "2025-03-31" — the date the workbook's position sheet is "as at" */
  asAt: string;
  positions: OfstedPositionRow[];
  events: OfstedEvent[];
};
