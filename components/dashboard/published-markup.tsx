// The published part of an LA dashboard, written once and shared by every viewer (issue 19 item 3,
// decision 0034). Everything on /la/<LA> that comes from the published figures — the area sections,
// Ofsted, neighbours, definitions, the authority's details, the drawn charts — is the same for an
// anonymous visitor, an analyst and the LA's own DCS. Each part is written as markup (staticMarkup:
// what react-dom/server would write) the first time any viewer asks for it, and kept with the
// dashboard it was made from. The dashboard is itself kept per LA, view and version of the figures
// (lib/dashboard/server.ts, bounded), so a part lives exactly as long as the figures it shows, and an
// import makes new ones. Each viewer's own parts (sign-in bar, risk, triage, plan) are still rendered
// per request, around these.
import type { ReactNode } from "react";
import { ISLAND_TOKEN_PREFIX, placeIsland, type IslandElement } from "@/components/govuk/static-part";
import { staticMarkup } from "@/components/govuk/static-markup";
import type { Dashboard } from "@/lib/dashboard/build";

/** Each dashboard's written parts, and the start of its parts' island tokens. */
const written = new WeakMap<Dashboard, { tokens: string; parts: Map<string, string> }>();
let nextId = 0;

function writtenFor(dashboard: Dashboard) {
  let entry = written.get(dashboard);
  if (!entry) written.set(dashboard, (entry = { tokens: `${ISLAND_TOKEN_PREFIX}.${++nextId}`, parts: new Map() }));
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
}: { dashboard: Dashboard; part: string; render: () => ReactNode; payloadOnly: boolean } & IslandElement) {
  return placeIsland(`${writtenFor(dashboard).tokens}:${part}`, publishedMarkup(dashboard, part, render), payloadOnly, element);
}
