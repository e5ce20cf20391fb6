// Which data each cached page shows, as data-version scopes (pure, unit-tested; decision 0029). The page
// cache keys a page on the versions of only these scopes (lib/core/data-version.ts), so a plan save in
// one LA leaves every other LA's pages cached, a triage note leaves anonymous pages alone, and an import
// makes every page that shows figures new. The cacheable pages are the ones listed here.
//
// Two rules keep this honest:
// - A page's scopes depend on its path and on who is looking, through the same access policy the page
//   uses (`can`, lib/auth/permissions.ts): a panel that renders nothing for a viewer needs no scope.
//   The viewer's own account (name, role, LA) is part of the cache key itself (policy.ts viewerId), so
//   a change to the viewer's account is never served stale whatever the scopes.
// - Every table is in TABLE_SCOPES, with the scope its triggers raise, or why no cached page shows it;
//   tests/integration/page-scopes.test.ts checks it against the triggers in the database and fails for a
//   table that is not listed. A new page reading a table outside its scopes must add the scope here.
import { can, type Actor } from "@/lib/auth/permissions";
import { planScope, triageScope, type DataScope, type DataVersion } from "@/lib/core/data-version";

/** The scope kind a table's data_version trigger raises (bump_data_version's argument), or why it has none. */
export type TableScope = "figures" | "users" | "triage" | "plans" | { notShown: string };

export const TABLE_SCOPES: Record<string, TableScope> = {
  // Published figures, the LAs and their codes, neighbours and Ofsted: the importer writes them.
  data_release: "figures",
  region: "figures",
  local_authority: "figures",
  la_code: "figures",
  la_name: "figures",
  boundary_change: "figures",
  boundary_change_link: "figures",
  joint_return: "figures",
  joint_return_member: "figures",
  neighbour_model: "figures",
  statistical_neighbour: "figures",
  indicator: "figures",
  indicator_value: "figures",
  inspection: "figures",
  ofsted_position: "figures",
  // Revisions between releases: the LA dashboard says which release revised a figure, from what to what.
  indicator_value_revision: "figures",
  // Accounts: plan pages list an LA's people (action owners, who last changed the plan).
  app_user: "users",
  // Improvement plans, per LA (plans:<LA>). audit_event rows recording a plan or priority change raise it
  // too (the plan page shows "last changed by" from them); no other audit row fires its trigger.
  improvement_plan: "plans",
  plan_priority: "plans",
  plan_action: "plans",
  action_update: "plans",
  audit_event: "plans",
  // Triage: `triage` and triage:<LA>.
  triage_state: "triage",
  triage_event: "triage",
  auth_session: { notShown: "read live on every request with the data version (viewer.ts), never from the cache" },
  auth_account: { notShown: "password hashes: read only by sign-in" },
  auth_verification: { notShown: "better-auth's table, unused" },
  sign_in_failure: { notShown: "the sign-in limit: read only by sign-in" },
  audit_refusal_tally: { notShown: "counts refusals for the audit log (admin pages, not cached)" },
  data_version: { notShown: "the versions themselves" },
  _prisma_migrations: { notShown: "the migration runner's record" },
};

/** Someone looking at a page: nobody signed in (null), or the signed-in person as the access policy sees them. */
type Viewer = Actor | null;

/** An LA number as pages use it in a canonical address; any other form redirects (or is not found). */
const LA_NUMBER = /^\d{3}$/;

type Page = {
  /** the path (no query); `la` is the [code] segment where there is one */
  path: RegExp;
  scopes: (viewer: Viewer, la: string) => DataScope[];
  /**
   * The page shows or decides by the person themselves (beyond the account bar's name): each person gets
   * their own copy. Every other page is decided only through `can` (role and LA), so one copy serves
   * everyone with the same role, LA and demo flag, the name filled in per viewer (decision 0031).
   */
  personal?: true;
};

/** The cacheable pages (policy.ts caches only these) and the scopes each shows. */
export const PAGES: readonly Page[] = [
  // The list of every LA: figures and Ofsted.
  { path: /^\/$/, scopes: () => ["figures"] },
  // An LA's dashboard: figures and flags (worked out from the figures) for all; its plan summary for
  // those who may view its plan; its triage panel for analysts.
  {
    path: /^\/la\/(?<la>[A-Za-z0-9]{1,12})$/,
    scopes: (viewer, la) => [
      "figures",
      ...(can(viewer, "plan.view", { kind: "plan", laNumber: la }) ? [planScope(la)] : []),
      ...(can(viewer, "triage.view", { kind: "triage" }) ? [triageScope(la)] : []),
    ],
  },
  // The plan page: the plan, its evidence (figures) and the LA's people (owners, who changed it last).
  // "My actions" links to the viewer's own name as owner: personal.
  { path: /^\/la\/(?<la>[A-Za-z0-9]{1,12})\/plan$/, scopes: (_viewer, la) => ["figures", "users", planScope(la)], personal: true },
  // The inbox: every LA's flags and triage (analysts only; anyone else gets a 403, never kept).
  { path: /^\/risk$/, scopes: () => ["figures", "triage"] },
  { path: /^\/risk\/method$/, scopes: () => ["figures"] },
  // One LA's flags, and its triage for analysts.
  {
    path: /^\/risk\/la\/(?<la>[A-Za-z0-9]{1,12})$/,
    scopes: (viewer, la) => ["figures", ...(can(viewer, "triage.view", { kind: "triage" }) ? [triageScope(la)] : [])],
  },
  { path: /^\/about\/[a-z-]{1,40}$/, scopes: () => ["figures"] },
];

/** Everyone a page's scopes could depend on: anonymous, and each role on its own LA, another LA and none. */
const EVERY_VIEWER = (la: string): Viewer[] => [
  null,
  ...(["dcs", "team_manager", "dfe_analyst", "admin"] as const).flatMap((role) =>
    [la, "000", null].map((laNumber): Actor => ({ id: "", role, laNumber })),
  ),
];

function match(path: string): { page: Page; la: string } | null {
  for (const page of PAGES) {
    const m = page.path.exec(path);
    if (m) return { page, la: m.groups?.la ?? "" };
  }
  return null;
}

/**
 * The scopes the page at `path` shows to this viewer. An address that is not a cacheable page, or names
 * an LA other than by its number (those redirect), keys on `all`: any write makes it new.
 */
export function pageScopes(path: string, viewer: Viewer): DataScope[] {
  const found = match(path);
  if (!found || (found.page.path.source.includes("<la>") && !LA_NUMBER.test(found.la))) return ["all"];
  return found.page.scopes(viewer, found.la);
}

/** Whether one copy of the page at `path` may serve everyone with the same access (a cacheable page that is not personal). */
export function isSharedPage(path: string): boolean {
  const found = match(path);
  return found !== null && !found.page.personal;
}

/** Every scope the page at `path` could show to anyone: what the page cache reads before it knows the viewer. */
export function scopesToRead(path: string): DataScope[] {
  const found = match(path);
  return [...new Set(EVERY_VIEWER(found?.la ?? "").flatMap((viewer) => pageScopes(path, viewer)))].sort();
}

/** The part of the cache key the data makes: each scope with its version ("0" when never written), in order. */
export function versionKey(scopes: readonly DataScope[], versions: Readonly<Record<string, DataVersion>>): string {
  return [...scopes]
    .sort()
    .map((scope) => `${scope}=${versions[scope] ?? "0"}`)
    .join(";");
}
