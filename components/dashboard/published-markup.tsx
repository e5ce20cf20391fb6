// The published part of an LA dashboard, written once and shared by every viewer (issue 19 item 3,
// decision 0034). Everything on /la/<LA> that comes from the published figures — the area sections,
// Ofsted, neighbours, definitions, the authority's details, the drawn charts — is the same for an
// anonymous visitor, an analyst and the LA's own DCS. Each part is written as markup (staticMarkup:
// what react-dom/server would write) the first time any viewer asks for it, and kept with the
// dashboard it was made from. The dashboard is itself kept per LA, view and version of the figures
// (lib/dashboard/server.ts, bounded), so a part lives exactly as long as the figures it shows, and an
// import makes new ones. Each viewer's own parts (sign-in bar, risk, triage, plan) are still rendered
// per request, around these.
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { registerIsland } from "@/components/govuk/island-registry";
import { StaticIsland, type StaticIslandProps } from "@/components/govuk/static-island";
import { staticMarkup } from "@/components/govuk/static-markup";
import type { Dashboard } from "@/lib/dashboard/build";

/** Each dashboard's written parts, and the start of its parts' island tokens. */
const written = new WeakMap<Dashboard, { tokens: string; parts: Map<string, string> }>();
let nextId = 0;
/** Tokens name a part of one dashboard object in this process; the prefix keeps two processes' tokens apart. */
const processPrefix = randomBytes(6).toString("base64url");

function writtenFor(dashboard: Dashboard) {
  let entry = written.get(dashboard);
  if (!entry) written.set(dashboard, (entry = { tokens: `${processPrefix}.${++nextId}`, parts: new Map() }));
  return entry;
}

/**
 * The markup of the published part `part` of `dashboard`'s page, made by `render` the first time it is
 * asked for. `render` must depend only on the dashboard (and so on its LA, view and figures), never on
 * the viewer: the same markup goes to everyone.
 */
export function publishedMarkup(dashboard: Dashboard, part: string, render: () => ReactNode): string {
  const { parts } = writtenFor(dashboard);
  let html = parts.get(part);
  if (html === undefined) parts.set(part, (html = staticMarkup(render())));
  return html;
}

/**
 * A published part placed in the page as a static island (components/govuk/static-island.tsx): its
 * markup is in the HTML once and not again in the React Server Components payload, which carries only
 * a token naming this part of this dashboard.
 */
export function PublishedPart({
  dashboard,
  part,
  render,
  payloadOnly,
  ...element
}: { dashboard: Dashboard; part: string; render: () => ReactNode; payloadOnly: boolean } & Omit<StaticIslandProps, "token" | "html">) {
  const token = `${writtenFor(dashboard).tokens}:${part}`;
  const html = publishedMarkup(dashboard, part, render);
  if (payloadOnly) return <StaticIsland token={token} html={html} {...element} />;
  registerIsland(token, html);
  return <StaticIsland token={token} {...element} />;
}

/**
 * Whether this render goes to the browser only as a React Server Components payload rather than as a
 * page written out as HTML: a server action's answer (`Next-Action`), the page a server action
 * redirects to (Next.js fetches it with the action's `Accept: text/x-component`, e.g. after signing in),
 * or any other fetch by the browser's router (`Sec-Fetch-Dest` other than `document`; Next.js hides its
 * own `RSC` header from pages). Then the parts travel in the payload, as there is no page to read them
 * back from. A page load, or a client that sends none of these (curl, the benchmarks), gets the page
 * with each part once. A request that sets these headers itself only gets the larger answer; a browser
 * navigation missed here (no `Sec-Fetch-Dest` over plain http) is loaded again by the island.
 */
export async function rendersPayloadOnly(): Promise<boolean> {
  const request = await headers();
  const dest = request.get("sec-fetch-dest");
  return request.has("next-action") || (request.get("accept") ?? "").includes("text/x-component") || (dest !== null && dest !== "document");
}
