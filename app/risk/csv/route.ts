// GET /risk/csv?…same filters as /risk… — the rows the page shows, in the order shown, as CSV.
// Invalid filter values are ignored here (the page itself reports them).
import { listNationalRisk } from "@/lib/data/risk";
import { toCsv } from "@/lib/risk/national";
import { parseRiskFilters } from "@/lib/validation/risk-filters";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const { filters } = parseRiskFilters(Object.fromEntries(url.searchParams));
  const view = await listNationalRisk(filters);
  const known = !filters.region || view.regions.some((r) => r.code === filters.region);
  const shown = known ? view : await listNationalRisk({ ...filters, region: undefined });
  return new Response(toCsv(shown.rows, shown.asAt), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="la-risk-flags-${shown.asAt}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
