// GET /risk/csv?…same filters as /risk… — the rows the page shows, in the order shown, as CSV.
// For DfE analysts it is the inbox's rows (triage status filter and sorts too) with their triage
// status and latest note; for anyone else exactly the public columns. Invalid filter values are
// ignored here (the page itself reports them).
import { listNationalRisk } from "@/lib/data/risk";
import { canSeeTriage, getInbox } from "@/lib/data/triage";
import { toCsv } from "@/lib/risk/national";
import { INBOX_CSV_HEAD, inboxCsvCells } from "@/lib/triage/inbox";
import { parseRiskFilters } from "@/lib/validation/risk-filters";
import { parseInboxFilters } from "@/lib/validation/triage-filters";

export const dynamic = "force-dynamic";

function csvResponse(body: string, name: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  if (await canSeeTriage()) {
    const { filters } = parseInboxFilters(params);
    const view = await listNationalRisk(filters.risk);
    const known = !filters.risk.region || view.regions.some((r) => r.code === filters.risk.region);
    const shown = known ? view : await listNationalRisk({ ...filters.risk, region: undefined });
    const inbox = await getInbox(shown, known ? filters : { ...filters, risk: { ...filters.risk, region: undefined } });
    if (inbox) return csvResponse(toCsv(inbox.rows, shown.asAt, { head: INBOX_CSV_HEAD, cells: inboxCsvCells }), `la-risk-inbox-${shown.asAt}.csv`);
  }
  const { filters } = parseRiskFilters(params);
  const view = await listNationalRisk(filters);
  const known = !filters.region || view.regions.some((r) => r.code === filters.region);
  const shown = known ? view : await listNationalRisk({ ...filters, region: undefined });
  return csvResponse(toCsv(shown.rows, shown.asAt), `la-risk-flags-${shown.asAt}.csv`);
}
