// FormData → plain object for zod. Repeated names become arrays; files and Next's own $ACTION_*
// fields are dropped.

export type RawForm = Record<string, string | string[]>;

export function formDataToObject(formData: FormData): RawForm {
  const out: RawForm = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** What to put back into the form after a failed submission (without JavaScript the page is re-rendered from this). */
export function echoValues(raw: RawForm, sensitive: readonly string[]): RawForm {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !sensitive.includes(key)));
}
