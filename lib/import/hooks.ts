// After-import hooks: other parts of the service that must act in the import's own transaction
// register here, so the importer depends on none of them. A hook's `beforeWrite` runs before the
// import writes anything (to take the locks its own writers take first, so the two cannot deadlock);
// its `afterWrite` runs after every file is written, when at least one file was imported, and can
// read the new data and write in the same transaction: all of it commits together, or none of it.
// The analysts' triage registers one (lib/triage/import-hook.ts: reviewed LAs whose flags got worse
// return to the inbox); the import command and the app load it (lib/import-hooks.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FileOutcome } from "./summary";

export type ImportHookContext = {
  /** the import's clock, read after the files are written */
  now: Date;
  log: (line: string) => void;
  /** every file of the run and what happened to it */
  files: readonly FileOutcome[];
};

export type ImportHook = {
  /** unique: registering the same name again replaces the hook (a module loaded twice registers once) */
  name: string;
  beforeWrite?: (tx: Prisma.TransactionClient) => Promise<void>;
  afterWrite?: (tx: Prisma.TransactionClient, ctx: ImportHookContext) => Promise<unknown>;
};

const hooks = new Map<string, ImportHook>();

export function registerImportHook(hook: ImportHook): void {
  hooks.set(hook.name, hook);
}

/** The registered hooks, in the order they were first registered. */
export function importHooks(): readonly ImportHook[] {
  return [...hooks.values()];
}
