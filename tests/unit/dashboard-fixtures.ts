// Small synthetic figures for the dashboard's unit tests. Numbers are made up; shapes are real.
import type { LaFigure } from "@/lib/dashboard/types";

/** One LA's figure: a number, or a marker letter (value null), optionally part of a joint return. */
export const fig = (
  laNumber: string,
  value: number | null,
  jointReturnId: string | null = null,
  marker: LaFigure["marker"] = null,
): LaFigure => ({
  laNumber,
  value,
  marker,
  raw: marker ?? String(value),
  jointReturnId,
});
