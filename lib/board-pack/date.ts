// The board pack's "as at" date from the query: the GOV.UK date input's three boxes (`date-day`,
// `date-month`, `date-year`, sent by its GET form) or one `date=yyyy-mm-dd` (links). Pure: today is
// passed in. Nothing entered means today; a wrong date is reported (GOV.UK messages) and today used.
import { firstValue, type RawParams } from "@/lib/core/url-query";
import { readDateParts, type DateParts } from "@/lib/core/date-input";

export const BOARD_PACK_DATE = "date";
const LABEL = "date of the board pack";
/** Before this no series the service holds had been published. */
export const EARLIEST_BOARD_PACK_DATE = "2010-01-01";

export type BoardPackDate = {
  /** the date the pack is as at, yyyy-mm-dd */
  asAt: string;
  /** whether the reader chose it (false: today, the default) */
  chosen: boolean;
  /** what was typed, for the boxes */
  boxes: Partial<DateParts>;
  error: string | null;
};

export function readBoardPackDate(raw: RawParams, today: string): BoardPackDate {
  const boxes: Partial<DateParts> = {
    day: firstValue(raw[`${BOARD_PACK_DATE}-day`]) ?? "",
    month: firstValue(raw[`${BOARD_PACK_DATE}-month`]) ?? "",
    year: firstValue(raw[`${BOARD_PACK_DATE}-year`]) ?? "",
  };
  const iso = firstValue(raw[BOARD_PACK_DATE]);
  let reading = readDateParts(boxes, LABEL);
  if (reading.kind === "empty" && iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
    const parts = m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: iso, month: "", year: "" };
    reading = readDateParts(parts, LABEL);
    Object.assign(boxes, parts);
  }
  const fallback = { asAt: today, chosen: false, boxes };
  if (reading.kind === "empty") return { ...fallback, error: null };
  if (reading.kind === "error") return { ...fallback, error: reading.message };
  if (reading.iso > today) return { ...fallback, error: "The date of the board pack must be today or in the past" };
  if (reading.iso < EARLIEST_BOARD_PACK_DATE) return { ...fallback, error: "The date of the board pack must be 1 January 2010 or later" };
  return { asAt: reading.iso, chosen: true, boxes, error: null };
}
