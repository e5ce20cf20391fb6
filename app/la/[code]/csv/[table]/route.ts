// /la/[code]/csv/{headline|area-<area>|trend|compare|ofsted}?indicator=…&comparator=…&year=…&grouping=… — the CSV of a
// chart or table on the dashboard: exactly the rows its table twin shows, markers as letters.
import { readPathParam } from "@/lib/core/path-param";
import { getAuthorityDashboard, getDashboardYears, getNeighbourModels, resolveDashboardCode } from "@/lib/dashboard/server";
import { csvDocument, csvResponse } from "@/lib/core/csv";
import { csvFileName, type CsvTable } from "@/lib/dashboard/csv";
import { parseDashboardView } from "@/lib/dashboard/view-schema";
import { areaSlug, DASHBOARD_AREAS } from "@/lib/dashboard/areas";

export const dynamic = "force-dynamic";

const TABLES = ["headline", "trend", "compare", "ofsted"] as const;
type TableName = (typeof TABLES)[number];
const isTable = (t: string): t is TableName => (TABLES as readonly string[]).includes(t);
/** "area-children-in-care" → the area's id, or null (each Ofsted area's table twin, decision 0026). */
const areaTable = (t: string) => DASHBOARD_AREAS.find((a) => `area-${areaSlug(a.id)}` === t)?.id ?? null;

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request, { params }: { params: Promise<{ code: string; table: string }> }) {
  const { code, table } = await params;
  const area = areaTable(table);
  if (!isTable(table) && !area)
    return text(
      404,
      `No such table. Use headline, ${DASHBOARD_AREAS.map((a) => `area-${areaSlug(a.id)}`).join(", ")}, trend, compare or ofsted.`,
    );
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
  const areaData = area ? d.areas.find((a) => a.id === area) : undefined;
  const chosen = areaData ? { data: areaData.table, name: ["lead-indicators", areaData.label] } : tables[table as TableName];
  return csvResponse(csvDocument([chosen.data.head, ...chosen.data.rows]), csvFileName(d.la.laNumber, d.la.name, ...chosen.name));
}
