// Free text people type into forms. Bidirectional control characters (U+202A–U+202E embeddings and
// overrides, U+2066–U+2069 isolates) are invisible and reorder what is shown around them, so a title
// or note could display differently from what it says ("Trojan Source", CVE-2021-42574). Nobody
// types them on purpose in a plan or a note; every free-text field refuses them with a field error.
// The shared field helpers apply this with the field's own label; the action wrapper
// (lib/actions/execute-action.ts) refuses them in any other submitted field too.

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControl(value: unknown): boolean {
  if (typeof value === "string") return BIDI_CONTROLS.test(value);
  if (Array.isArray(value)) return value.some(hasBidiControl);
  return false;
}

/** "Title must not contain hidden text-direction characters". */
export function bidiMessage(label: string): string {
  return `${label} must not contain hidden text-direction characters`;
}

/** For the fields no helper labels: the wrapper's catch-all message. */
export const BIDI_FIELD_MESSAGE =
  "Remove the hidden text-direction characters from this field (they can make text appear in a misleading order)";

/** A zod refinement predicate: true when the text has no bidi control characters. */
export const withoutBidi = (value: string | null | undefined): boolean => !hasBidiControl(value ?? "");
