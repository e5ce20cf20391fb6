// The one HTML escaper: React's own escaping for text and attribute values, so markup written as a
// string (components/govuk/html.ts's twins; the page cache's account-name slot) equals what
// react-dom/server renders, byte for byte.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
