// Every transaction that writes triage — an analyst's save, a bulk update, an import (which may reopen
// LAs) — first takes this transaction-scoped lock, before any other write. Triage writes are rare, so
// serialising them costs nothing, and it rules out deadlocks: each write also bumps the page-cache
// epoch row (a statement trigger, decision 0010), so two transactions that locked triage rows and the
// epoch row in different orders (a bulk update and a single save, or a save and an import) could
// otherwise wait for each other. It also orders saves and imports: a save waits for a running import
// and is then checked against the release it imported (lib/triage/actions.ts).
import type { Prisma } from "@/lib/generated/prisma/client";

/** Arbitrary constant (the importer's own lock is 72707370, the migration runner's 72707369). */
const TRIAGE_LOCK_KEY = 72_707_371;

export async function lockTriageWrites(tx: Pick<Prisma.TransactionClient, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${TRIAGE_LOCK_KEY}::bigint)`;
}
