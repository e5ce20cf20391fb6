// Filters and views held in a page's URL (`?region=…&sort=…`): read field by field, each by its own zod
// schema, a bad value reported (for the GOV.UK error summary) and ignored, never thrown; and written
// back as a query string. Used by the LA list, the risk page, the analysts' inbox, the LA dashboard's
// view and the audit log.
import type { z } from "zod";

/** A page's searchParams: a key may be missing or repeated (then the first counts). */
export type RawParams = Record<string, string | string[] | undefined>;

export const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The one message to show for a value its schema refused. */
export const firstIssue = (error: z.ZodError): string => error.issues[0]?.message ?? "Invalid value";

export type QueryFieldError<F extends string> = { field: F; message: string };

/**
 * Each of `fields`, in order, read from `raw` by its schema in `shape`: the values that passed, and one
 * error per value that did not. A missing or blank value (`isBlank`, default: empty) is left out.
 */
export function parseQueryFields<Shape extends Record<string, z.ZodType>, F extends keyof Shape & string>(
  raw: RawParams,
  shape: Shape,
  fields: readonly F[],
  isBlank: (value: string) => boolean = (value) => value === "",
): { values: Partial<{ [K in F]: z.output<Shape[K]> }>; errors: QueryFieldError<F>[] } {
  const values: Partial<{ [K in F]: z.output<Shape[K]> }> = {};
  const errors: QueryFieldError<F>[] = [];
  for (const field of fields) {
    const value = firstValue(raw[field]);
    if (value === undefined || isBlank(value)) continue;
    const parsed = shape[field]!.safeParse(value);
    if (parsed.success) values[field] = parsed.data as z.output<Shape[F]>;
    else errors.push({ field, message: firstIssue(parsed.error) });
  }
  return { values, errors };
}

/** "?a=…&b=…" with `fields` in that order, empty values left out; "" when nothing is left. */
export function queryString(values: Partial<Record<string, string | null | undefined>>, fields: readonly string[]): string {
  const params = new URLSearchParams();
  for (const field of fields) {
    const value = values[field];
    if (value) params.set(field, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
