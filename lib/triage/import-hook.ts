// Triage's part in an import (decision 0011): before the import writes, it takes the triage lock
// (saves wait for the import, and are then checked against the release it imported); after, reviewed
// LAs whose flags or score got worse return to the inbox — in the import's own transaction.
// Registered when this module is loaded: lib/import-hooks.ts loads it for the import command and the app.
import { registerImportHook, type ImportHook } from "@/lib/import/hooks";
import { lockTriageWrites } from "./lock";
import { reopenChangedSinceReview } from "./reopen-after-import";

export const triageImportHook: ImportHook = {
  name: "triage: reopen reviewed LAs that got worse",
  beforeWrite: (tx) => lockTriageWrites(tx),
  afterWrite: (tx, { now, log }) => reopenChangedSinceReview(tx, { now, log }),
};

registerImportHook(triageImportHook);
