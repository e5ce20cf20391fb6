// Every transaction that writes triage — an analyst's save, a bulk update, an import (which may reopen
// LAs) — first takes this transaction-scoped lock, before any other write. Triage writes are rare, so
// serialising them costs nothing, and it orders saves and imports: a save waits for a running import
// and is then checked against the figures it imported (lib/triage/actions.ts). (It was first taken to
// rule out deadlocks on the page cache's epoch row, when statement triggers raised it mid-transaction;
// the data version rows are now raised only as a transaction commits — decisions 0010 and 0022.)
import type { Prisma } from "@/lib/generated/prisma/client";

/** Arbitrary constant (the importer's own lock is 72707370, the migration runner's 72707369). */
const TRIAGE_LOCK_KEY = 72_707_371;

export async function lockTriageWrites(tx: Pick<Prisma.TransactionClient, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`select pg_advisory_xact_lock(${TRIAGE_LOCK_KEY}::bigint)`;
}
