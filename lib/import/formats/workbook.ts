// The sheets of an .ods file, read once however many formats ask about it (revenue outturn, then
// Ofsted): unzipping and parsing a workbook's XML is most of what reading it costs.
import { readOds, type OdsSheet } from "../ods";
import type { SniffedFile } from "./types";

const sheetsRead = new WeakMap<SniffedFile, OdsSheet[] | null>();

/** The workbook's sheets; null when the file is not a readable workbook (the Ofsted parser then names why). */
export function sheetsOf(file: SniffedFile): OdsSheet[] | null {
  if (sheetsRead.has(file)) return sheetsRead.get(file)!;
  let sheets: OdsSheet[] | null = null;
  try {
    sheets = readOds(new Uint8Array(file.bytes));
  } catch {
    // not a readable workbook
  }
  sheetsRead.set(file, sheets);
  return sheets;
}
