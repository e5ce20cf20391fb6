// The server side of <StaticIsland> (static-island.tsx): markup registered under a token while the
// server components render, for the same request's SSR render to write into the page. Tokens name
// content (a published part of one dashboard object), so the same part registered again by the next
// request replaces the entry with the same string; at most MAX entries are held (the strings are those
// the published-parts cache holds already).
import "server-only";
import { boundedCache } from "@/lib/core/cache";
import { ISLANDS } from "./island-key";

const MAX = 4000;

function registry() {
  const holder = globalThis as { [ISLANDS]?: ReturnType<typeof boundedCache<string, string>> };
  return (holder[ISLANDS] ??= boundedCache<string, string>({ max: MAX }));
}

export function registerIsland(token: string, html: string): void {
  registry().set(token, html);
}
