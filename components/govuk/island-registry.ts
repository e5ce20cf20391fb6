// The server side of <StaticIsland> (static-island.tsx): markup registered under a token while the
// server components render, for the same request's SSR render to write into the page. A dashboard's
// published part keeps its token, so the next request registers the same string again; a part written
// for one request (<StaticPart>, static-part.tsx) has a token of its own and is needed only until that
// request's HTML is written, milliseconds later. The registry is bounded by the markup it holds
// (MAX_CHARS, least recently registered dropped first): several seconds of islands at the closed-loop
// bench:mixed rate (~70 pages a second, up to ~300 kB of islands each), where a page needs milliseconds.
import "server-only";
import { boundedCache } from "@/lib/core/cache";
import { ISLANDS } from "./island-key";

/** ~128 MB of UTF-16 at most. */
const MAX_CHARS = 64 * 1024 * 1024;

function registry() {
  const holder = globalThis as { [ISLANDS]?: ReturnType<typeof boundedCache<string, string>> };
  return (holder[ISLANDS] ??= boundedCache<string, string>({ maxSize: MAX_CHARS, sizeOf: (html) => html.length }));
}

export function registerIsland(token: string, html: string): void {
  registry().set(token, html);
}
