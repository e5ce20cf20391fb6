// The account bar's name as a slot (decision 0031). When the page cache renders a page it will share
// between everyone with the same access (same role, LA and demo flag), the layout writes this token
// where the name goes; the page cache fills it with each viewer's own name, escaped for where it
// stands (lib/page-cache/policy.ts). The token is random per process, so nothing a person can type
// (a name, a note) can be mistaken for it. Both halves run in the one server process (scripts/serve.ts):
// the token lives on globalThis, shared by the front server's modules and the copy Next.js bundles.
import { randomBytes } from "node:crypto";

const SLOT = Symbol.for("csc-insight.account-name-slot");

export function accountNameSlot(): string {
  const holder = globalThis as { [SLOT]?: string };
  return (holder[SLOT] ??= `csc-account-name-${randomBytes(12).toString("hex")}`);
}
