// The hidden `original` field: the values a form was drawn from, as one JSON string, so a save made
// from an older copy can be merged field by field (lib/core/field-merge.ts, decision 0015). It never
// fails validation: an unreadable base is null, which makes every differing field a conflict.
import { z } from "zod";
import { parseBase } from "@/lib/core/field-merge";

export function mergeBaseField<F extends string>(fields: readonly F[]) {
  return z
    .unknown()
    .optional()
    .transform((raw) => parseBase(fields, raw));
}
