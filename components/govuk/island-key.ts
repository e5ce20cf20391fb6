// Where the server's island registry lives (components/govuk/island-registry.ts): on globalThis, so the
// SSR render of <StaticIsland> (bundled apart from the server components, same process) finds what the
// server components registered.
export const ISLANDS = Symbol.for("csc-insight.static-islands");
