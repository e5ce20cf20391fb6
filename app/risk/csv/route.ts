// GET /risk/csv?…same filters as /risk… — the rows the page shows, in the order shown, as CSV:
// the inbox's rows (triage status filter and sorts too) with their triage status and latest note.
// Like /risk, for DfE analysts only (issue 14): anyone else is sent to sign in, or refused (403).
// Invalid filter values are ignored here (the page itself reports them).
import { requireAccess } from "@/lib/auth/request";
import { listNationalRisk } from "@/lib/risk/server";
import { getInbox } from "@/lib/triage/server";
import { csvResponse } from "@/lib/core/csv";
import { nationalCsv } from "@/lib/risk/national";
import { INBOX_CSV_HEAD, inboxCsvCells } from "@/lib/triage/inbox";
import { parseInboxFilters } from "@/lib/triage/filters";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  await requireAccess("risk.view", { kind: "risk", laNumber: null });
  const { filters } = parseInboxFilters(params);
  const view = await listNationalRisk(filters.risk);
  const known = !filters.risk.region || view.regions.some((r) => r.code === filters.risk.region);
  const shown = known ? view : await listNationalRisk({ ...filters.risk, region: undefined });
  const inbox = await getInbox(shown, known ? filters : { ...filters, risk: { ...filters.risk, region: undefined } });
  if (!inbox)
    return new Response("You do not have permission to download this.", {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return csvResponse(
    nationalCsv(inbox.rows, shown.asAt, { head: INBOX_CSV_HEAD, cells: inboxCsvCells }),
    `la-risk-inbox-${shown.asAt}.csv`,
  );
}
