// A private copy of the loaded database and the dashboard's snapshot of its figures, as the pages read it.
import { readDataVersion } from "@/lib/core/data-version";
import type { Snapshot } from "@/lib/dashboard/snapshot";
import { loadSnapshot } from "@/lib/dashboard/server";
import { createTestDatabase, type TestDatabase } from "./helpers";

/** The snapshot of the current figures in this database. */
export const currentSnapshot = async (t: TestDatabase): Promise<Snapshot> =>
  loadSnapshot(t.prisma, await readDataVersion(t.prisma, "figures"));

/** A copy of the loaded template and its snapshot (drop `t` after). */
export async function loadedSnapshot(): Promise<{ t: TestDatabase; s: Snapshot }> {
  const t = await createTestDatabase("loaded");
  return { t, s: await currentSnapshot(t) };
}
