// A dynamic route segment as the page should read it. Next.js hands params over already decoded
// once, so a code such as "%" (from /la/%25/…) or "%E0%A4" (from /la/%25E0%25A4/…) is not valid
// percent-encoding any more, and decodeURIComponent throws URIError — a 500. Every page and route
// handler reads its params through this, and treats null as "no such page" (404).

/** The segment decoded once more (tolerating values Next.js already decoded), or null if it cannot be read. */
export function readPathParam(value: string | undefined): string | null {
  if (typeof value !== "string") return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
