// What a period number means in each series, as words and dates: every period label the service
// shows or downloads comes from here (workforce: 30 September snapshot; children in need and
// children looked after families: year ending 31 March; ONS: mid-year; school outcomes: academic year).
import type { PeriodMeaning } from "./types";
import { SERIES, type SeriesId } from "./series";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/**
 * - `long`: "30 September 2024", "year to 31 March 2024", "mid-2024", "academic year 2023/24" (tables, CSV, risk reasons);
 * - `short`: "30 Sep 2024", "year to 31 Mar 2024", "mid-2024", "2023/24 school year" (dashboard cards);
 * - `phrase`: "at 30 September 2024", "in the year to 31 March 2024", "in mid-2024", "in the 2023/24 academic year" (running text);
 * - `axis`: "2024" for a snapshot or mid-year, "2023-24" for a year ending before December, "2023/24" for an academic year
 *   (chart axes, table rows).
 */
export type PeriodStyle = "long" | "short" | "phrase" | "axis";

const meanings = new Map<string, PeriodMeaning>(SERIES.map((s) => [s.id, s.period]));
function meaningOf(series: SeriesId): PeriodMeaning {
  const m = meanings.get(series);
  if (!m) throw new Error(`unknown series ${series}`);
  return m;
}

const monthName = (month: number, short: boolean) => (short ? MONTHS[month - 1]!.slice(0, 3) : MONTHS[month - 1]!);

export function periodLabel(series: SeriesId, period: number, style: PeriodStyle = "long"): string {
  const m = meaningOf(series);
  const short = style === "short";
  switch (m.kind) {
    case "snapshot":
      if (style === "axis") return String(period);
      return `${style === "phrase" ? "at " : ""}${m.day} ${monthName(m.month, short)} ${period}`;
    case "year-ending":
      if (style === "axis") return m.month === 12 ? String(period) : `${period - 1}-${String(period % 100).padStart(2, "0")}`;
      return `${style === "phrase" ? "in the " : ""}year to ${m.day} ${monthName(m.month, short)} ${period}`;
    case "mid-year":
      if (style === "axis") return String(period);
      return `${style === "phrase" ? "in " : ""}mid-${period}`;
    case "academic-year": {
      const years = `${period - 1}/${String(period % 100).padStart(2, "0")}`;
      if (style === "axis") return years;
      if (style === "short") return `${years} school year`;
      return style === "phrase" ? `in the ${years} academic year` : `academic year ${years}`;
    }
  }
}

/** What a period means without its year: "at 30 September", "year to 31 March", "mid-year". */
export function periodMeaningText(series: SeriesId): string {
  const m = meaningOf(series);
  if (m.kind === "snapshot") return `at ${m.day} ${monthName(m.month, false)}`;
  if (m.kind === "year-ending") return `year to ${m.day} ${monthName(m.month, false)}`;
  if (m.kind === "academic-year") return "academic year (September to August)";
  return "mid-year";
}

/** The date a period's figure refers to (its snapshot, year end, mid-year or the academic year's last day, 31 August), as a UTC timestamp. */
export function periodReferenceTime(series: SeriesId, period: number): number {
  const m = meaningOf(series);
  if (m.kind === "mid-year") return Date.UTC(period, 5, 30);
  if (m.kind === "academic-year") return Date.UTC(period, 7, 31);
  return Date.UTC(period, m.month - 1, m.day);
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * The dates a period's figures cover, ISO: a snapshot's flows run over the 12 months to it
 * (workforce 1 October to 30 September), a year ending runs from the day after the previous year's
 * end (1 April to 31 March), an academic year from 1 September to 31 August, a mid-year estimate is its one day.
 */
export function periodWindow(series: SeriesId, period: number): [string, string] {
  const end = periodReferenceTime(series, period);
  if (meaningOf(series).kind === "mid-year") return [isoDay(end), isoDay(end)];
  return [isoDay(periodReferenceTime(series, period - 1) + 86_400_000), isoDay(end)];
}
