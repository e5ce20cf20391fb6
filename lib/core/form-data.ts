// FormData → plain object for zod. Repeated names become arrays; files and Next's own $ACTION_*
// fields are dropped.
//
// Field names come from whoever posts the form, so they are only ever own properties: a field named
// "constructor", "toString" or "__proto__" must not pick up (or replace) Object.prototype's members
// — before this, "toString=x" put Object.prototype.toString into the echoed values, a function a
// server action cannot send back to the browser (found by tests/integration/fuzz-actions.test.ts).

export type RawForm = Record<string, string | string[]>;

export function formDataToObject(formData: FormData): RawForm {
  const out: RawForm = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = Object.hasOwn(out, key) ? out[key] : undefined;
    const next = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** What to put back into the form after a failed submission (without JavaScript the page is re-rendered from this). */
export function echoValues(raw: RawForm, sensitive: readonly string[]): RawForm {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !sensitive.includes(key)));
}
