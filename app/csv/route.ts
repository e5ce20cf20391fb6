// /csv?q=…&region=…&judgement=… — the all-LA list of `/` as a CSV: the same filters, authorities and
// columns (the catalogue's `list` indicators, each at its own latest period), markers as letters.
import { csvDocument, csvResponse } from "@/lib/core/csv";
import { LIST_INDICATORS, listAuthorities, listRegions } from "@/lib/dashboard/authorities";
import { csvFileName } from "@/lib/dashboard/csv";
import { parseListFilters } from "@/lib/dashboard/list-filters";
import { listTable } from "@/lib/dashboard/list-table";

export const dynamic = "force-dynamic";

const text = (status: number, body: string) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(request: Request) {
  const { filters, errors } = parseListFilters(Object.fromEntries(new URL(request.url).searchParams));
  if (errors.length > 0) return text(400, errors.map((e) => `${e.field}: ${e.message}`).join("\n"));
  const [regions, list] = await Promise.all([listRegions(), listAuthorities(filters)]);
  if (filters.region && !regions.some((r) => r.code === filters.region)) return text(400, "region: Choose a region from the list");
  const table = listTable(list, LIST_INDICATORS);
  return csvResponse(csvDocument([table.head, ...table.rows]), csvFileName("local-authorities"));
}
