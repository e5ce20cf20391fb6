import type { Metadata } from "next";
import { publishedFigureHtml } from "@/components/authorities/figure-html";
import { ErrorSummary, FilterForm, Heading, Link, Paragraph, StaticTable } from "@/components/govuk";
import { StaticPart } from "@/components/govuk/static-part";
import { escapeHtml, judgementTagHtml, linkHtml, tableBodyHtml } from "@/components/govuk/html";
import { indicatorById, judgementFilterOptions } from "@/lib/catalogue";
import { calculatedColumns, listColumnHeading } from "@/lib/dashboard/list-table";
import { SMALL_POPULATION_THRESHOLD } from "@/lib/dashboard/areas";
import { listAuthorities, listRegions, LIST_INDICATORS } from "@/lib/dashboard/authorities";
import { formatDate } from "@/lib/core/values";
import { JUDGEMENT_FILTERS, parseListFilters, regionOptions } from "@/lib/dashboard/list-filters";

export const dynamic = "force-dynamic";
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { errors } = parseListFilters(await searchParams);
  return { title: `${errors.length ? "Error: " : ""}All local authorities` };
}

const LIST_COLUMNS = LIST_INDICATORS.map((id) => indicatorById(id));
const NUMERIC = LIST_COLUMNS.map((_, i) => i + 3);

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { filters, errors } = parseListFilters(await searchParams);
  const [regions, list] = await Promise.all([listRegions(), listAuthorities(filters)]);
  const regionKnown = !filters.region || regions.some((r) => r.code === filters.region);
  const allErrors = regionKnown ? errors : [...errors, { field: "region" as const, message: "Choose a region from the list" }];
  const filtered = Boolean(filters.q || filters.region || filters.judgement);
  // a column whose every figure is calculated says so in its heading, once, rather than in each cell
  const calculated = calculatedColumns(list.rows, LIST_INDICATORS);
  const listQuery = (() => {
    const q = new URLSearchParams();
    if (filters.q) q.set("q", filters.q);
    if (filters.region && regionKnown) q.set("region", filters.region);
    if (filters.judgement) q.set("judgement", filters.judgement);
    const t = q.toString();
    return t ? `?${t}` : "";
  })();
  const markerSeen = list.rows.some((r) => LIST_INDICATORS.some((id) => r.values[id]?.marker));

  return (
    <>
      {allErrors.length > 0 ? <ErrorSummary errors={allErrors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <Heading level={1} size="l">
        Local authority children&apos;s services
      </Heading>
      <Paragraph size="l">
        Published workforce, demand and Ofsted figures for every local authority in England, beside England and its region.
      </Paragraph>

      <FilterForm
        action="/"
        label="Filter local authorities"
        search
        className="mb-6 grid gap-x-6 md:grid-cols-[2fr_1fr_1fr_auto] md:items-end"
        errors={allErrors}
        fields={[
          {
            name: "q",
            label: "Search by name or code",
            hint: "For example, St Helens, 342 or E08000013",
            value: filters.q,
            input: { autoComplete: "off" },
          },
          { name: "region", label: "Region", value: filters.region, any: "All regions", options: regionOptions(regions) },
          {
            name: "judgement",
            label: "Ofsted judgement",
            value: filters.judgement,
            any: "Any judgement",
            options: judgementFilterOptions(JUDGEMENT_FILTERS),
          },
        ]}
        submit={{ label: "Apply filters", className: "mb-6 md:mb-[30px]", flush: true }}
      />

      <p className="govuk-body" role="status">
        Showing <strong>{list.rows.length}</strong> of England&apos;s local authorities
        {filtered ? (
          <>
            {" "}
            matching your filters. <Link href="/">Clear filters</Link>
          </>
        ) : null}
      </p>

      {list.rows.length === 0 ? (
        <Paragraph>No local authority matches these filters.</Paragraph>
      ) : (
        // 153 rows with nothing interactive: in the page once, as HTML (a static island), not again in the payload
        <StaticPart id="authority-list">
          <StaticTable
            captionId="authority-list-caption"
            caption={`Latest Ofsted judgement (as at ${formatDate(list.asAt)}) and the latest published figure of each lead indicator`}
            captionSize="s"
            firstCellIsHeader
            head={[
              "Local authority",
              "Region",
              "Ofsted overall effectiveness",
              ...LIST_INDICATORS.map((id) => listColumnHeading(id, list.periods[id], calculated.has(id))),
            ]}
            numericColumns={NUMERIC}
            // 153 rows: written as one markup string, not as React elements (components/govuk/html.ts says why)
            bodyHtml={tableBodyHtml(
              list.rows.map((row) => [
                { html: linkHtml(`/la/${row.laNumber}`, row.name) },
                { html: escapeHtml(row.regionName) },
                { html: judgementTagHtml(row.judgement) },
                ...LIST_INDICATORS.map((id, i) => {
                  const v = row.values[id];
                  // the heading already says the whole column is calculated
                  return {
                    html: publishedFigureHtml(v && calculated.has(id) ? { ...v, calculated: false } : v, LIST_COLUMNS[i]!.unit),
                    numeric: true,
                  };
                }),
              ]),
              { firstCellIsHeader: true, numericColumns: NUMERIC },
            )}
          />
        </StaticPart>
      )}
      {list.rows.length > 0 ? (
        <p className="govuk-body-s">
          <a href={`/csv${listQuery}`} className="govuk-link" download>
            Download this list (CSV)
          </a>
        </p>
      ) : null}
      <Paragraph size="s">
        Agency, turnover and vacancy rates are percentages of full-time equivalent social workers; caseload is cases per case-holding social
        worker; child protection plans and children looked after are per 10,000 children aged under 18 at 31 March; care leavers in
        education, employment or training are those aged 19 to 21. Each column shows its own latest published period. The Isles of Scilly
        and the City of London have fewer than {SMALL_POPULATION_THRESHOLD.toLocaleString("en-GB")} children, so their rates rest on small
        numbers. Kingston upon Thames and Richmond upon Thames, and North and West Northamptonshire, return their workforce figures jointly:
        both show the joint figure.
        {markerSeen ? (
          <>
            {" "}
            A letter in place of a figure is the publisher&apos;s marker: <Link href="/about/data#symbols">what the markers mean</Link>.
          </>
        ) : null}
      </Paragraph>
    </>
  );
}
