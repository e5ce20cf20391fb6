// /la/[code]/csv/{headline|trend|compare|ofsted}?indicator=…&comparator=…&year=…&grouping=… — the CSV of a
// chart or table on the dashboard: exactly the rows its table twin shows, markers as letters.
import { readPathParam } from "@/lib/core/path-param";
import { getAuthorityDashboard, getDashboardYears, getNeighbourModels, resolveDashboardCode } from "@/lib/dashboard/server";
import { csvDocument, csvResponse } from "@/lib/core/csv";
import { csvFileName, type CsvTable } from "@/lib/dashboard/csv";
import { parseDashboardView } from "@/lib/dashboard/view-schema";

export const dynamic = "force-dynamic";

const TABLES = ["headline", "trend", "compare", "ofsted"] as const;
type TableName = (typeof TABLES)[number];
const isTable = (t: string): t is TableName => (TABLES as readonly string[]).includes(t);

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ code: string; table: string }> }) {
  const { code, table } = await params;
  if (!isTable(table)) return text(404, "No such table. Use headline, trend, compare or ofsted.");
  const decoded = readPathParam(code);
  const laNumber = decoded === null ? null : await resolveDashboardCode(decoded);
  if (!laNumber) return text(404, "No local authority has this code.");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { view, errors } = parseDashboardView(query, await getDashboardYears(), await getNeighbourModels());
  if (errors.length > 0) return text(400, errors.map((e) => `${e.field}: ${e.message}`).join("\n"));
  const d = await getAuthorityDashboard(laNumber, view);
  if (!d) return text(404, "No local authority has this code.");
  const tables: Record<TableName, { data: CsvTable; name: string[] }> = {
    headline: { data: d.headlineTable, name: ["lead-indicators"] },
    trend: {
      data: d.trend.table,
      name: ["trend", view.indicator, view.comparator, ...(view.grouping ? [`neighbours-${view.grouping}`] : [])],
    },
    compare: { data: d.comparison.table, name: ["all-authorities", view.indicator, String(view.year)] },
    ofsted: { data: d.ofsted.table, name: ["ofsted-inspections"] },
  };
  const chosen = tables[table];
  return csvResponse(csvDocument([chosen.data.head, ...chosen.data.rows]), csvFileName(d.la.laNumber, d.la.name, ...chosen.name));
}
