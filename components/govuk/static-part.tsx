// Server-only content placed in a page once, as HTML only (decision 0034, extended by decision 0035).
// A server component's elements travel twice: written out as HTML, and again as React elements in the
// React Server Components payload so the browser can hydrate them. For content with nothing
// interactive in it — a table of 153 authorities, a plan's 200 actions, the board pack — the second
// copy is pure cost: on the home list, the plan page and the board pack it was over half the page.
// <StaticPart> writes its children as markup (staticMarkup, what react-dom/server would write) and
// places it as a <StaticIsland>: the HTML holds the markup, the payload only a token.
//
// `placeIsland` is the one way both kinds of island are placed: the dashboard's published parts
// (components/dashboard/published-markup.tsx, kept per dashboard) and these, written per request.
import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { registerIsland } from "./island-registry";
import { StaticIsland, type StaticIslandProps } from "./static-island";
import { staticMarkup } from "./static-markup";

/** The attributes of the island's own element (its id is required: the browser reads the markup back by it). */
export type IslandElement = Omit<StaticIslandProps, "token" | "html">;

/** Tokens made in this process start with this, so two processes' tokens never meet in one browser. */
export const ISLAND_TOKEN_PREFIX = randomBytes(6).toString("base64url");
let written = 0;

/**
 * Whether this render goes to the browser only as a React Server Components payload rather than as a
 * page written out as HTML: a server action's answer (`Next-Action`), the page a server action
 * redirects to (Next.js fetches it with the action's `Accept: text/x-component`, e.g. after signing in),
 * or any other fetch by the browser's router (`Sec-Fetch-Dest` other than `document`; Next.js hides its
 * own `RSC` header from pages). Then the markup travels in the payload, as there is no page to read it
 * back from. A page load, or a client that sends none of these (curl, the benchmarks), gets the page
 * with each island once. A request that sets these headers itself only gets the larger answer; a browser
 * navigation missed here (no `Sec-Fetch-Dest` over plain http) is loaded again by the island.
 */
export async function rendersPayloadOnly(): Promise<boolean> {
  const request = await headers();
  const dest = request.get("sec-fetch-dest");
  return request.has("next-action") || (request.get("accept") ?? "").includes("text/x-component") || (dest !== null && dest !== "document");
}

/**
 * `html` placed as a static island under `token`: in the payload when there is no page to read it back
 * from (`payloadOnly`), otherwise registered for this request's HTML render, the payload carrying only
 * the token.
 */
export function placeIsland(token: string, html: string, payloadOnly: boolean, element: IslandElement) {
  if (payloadOnly) return <StaticIsland token={token} html={html} {...element} />;
  registerIsland(token, html);
  return <StaticIsland token={token} {...element} />;
}

/**
 * Its children — server-only elements: no client components, forms or hooks (staticMarkup throws,
 * naming what it met) — written once for this request and placed in the page as a static island.
 */
export async function StaticPart({ children, ...element }: { children: ReactNode } & IslandElement) {
  const html = staticMarkup(children);
  return placeIsland(`${ISLAND_TOKEN_PREFIX}.r${++written}`, html, await rendersPayloadOnly(), element);
}
