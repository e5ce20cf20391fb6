import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Button, Details, ErrorSummary, Heading, Input, Paragraph, Select, Table, Tag } from "@/components/govuk";
import { formatDateTime } from "@/lib/auth/format-time";
import { requireAccess } from "@/lib/auth/request";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { AUDIT_PAGE_SIZE, listAuditActionNames, listAuditEvents } from "@/lib/auth/audit-log";
import { parseAuditFilters, type AuditFilters } from "@/lib/auth/audit-filters";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { errors } = parseAuditFilters(await searchParams);
  return { title: `${errors.length ? "Error: " : ""}Audit log` };
}

const OUTCOME_TAGS = { SUCCESS: ["green", "Success"], FAILURE: ["orange", "Failed"], REFUSED: ["red", "Refused"] } as const;

function pageHref(filters: AuditFilters, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, page: page > 1 ? String(page) : undefined })) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const query = params.toString();
  return `/admin/audit${query ? `?${query}` : ""}`;
}

function Json({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <>
      <p className="govuk-body-s m-0 font-bold">{label}</p>
      <pre className="govuk-body-s mb-2 overflow-x-auto whitespace-pre-wrap break-all">{JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAccess("audit.view", { kind: "audit" });
  const { filters, errors } = parseAuditFilters(await searchParams);
  const [actions, result] = await Promise.all([listAuditActionNames(), listAuditEvents(filters)]);
  const error = (field: keyof AuditFilters) => errors.find((e) => e.field === field)?.message;
  const filtered = Object.keys(filters).some((k) => k !== "page");

  return (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <Heading level={1}>Audit log</Heading>
      <Paragraph>
        Every sign-in, failed sign-in, refused request and change to data, newest first. Times are UK time. Entries cannot be changed or
        deleted.
      </Paragraph>

      <form method="get" action="/admin/audit" role="search" aria-label="Filter the audit log" className="grid gap-x-6 md:grid-cols-3">
        <Select
          id="action"
          name="action"
          label="Event"
          defaultValue={filters.action ?? ""}
          error={error("action")}
          options={[{ value: "", text: "All events" }, ...actions.map((a) => ({ value: a, text: a }))]}
        />
        <Select
          id="outcome"
          name="outcome"
          label="Outcome"
          defaultValue={filters.outcome ?? ""}
          error={error("outcome")}
          options={[
            { value: "", text: "Any outcome" },
            { value: "SUCCESS", text: "Success" },
            { value: "FAILURE", text: "Failed" },
            { value: "REFUSED", text: "Refused" },
          ]}
        />
        <Input
          id="actor"
          name="actor"
          label="Email address contains"
          defaultValue={filters.actor ?? ""}
          error={error("actor")}
          autoComplete="off"
        />
        <Input
          id="la"
          name="la"
          label="Local authority number"
          hint="For example, 330"
          width={4}
          inputMode="numeric"
          defaultValue={filters.la ?? ""}
          error={error("la")}
        />
        <Input id="from" name="from" type="date" label="From" defaultValue={filters.from ?? ""} error={error("from")} />
        <Input id="to" name="to" type="date" label="To" defaultValue={filters.to ?? ""} error={error("to")} />
        <div className="md:col-span-3">
          <Button type="submit" variant="secondary">
            Apply filters
          </Button>
        </div>
      </form>

      <p className="govuk-body" role="status">
        {result.total === 0
          ? "No entries"
          : `Showing ${(result.page - 1) * AUDIT_PAGE_SIZE + 1} to ${(result.page - 1) * AUDIT_PAGE_SIZE + result.rows.length} of ${result.total} entries`}
        {filtered ? (
          <>
            {" "}
            matching your filters. <Link href="/admin/audit">Clear filters</Link>
          </>
        ) : null}
      </p>

      {result.rows.length > 0 ? (
        <Table
          caption="Audit entries"
          captionSize="s"
          head={["When", "Event", "Outcome", "Who", "What", "Details"]}
          rows={result.rows.map((r) => {
            const [colour, label] = OUTCOME_TAGS[r.outcome];
            return [
              formatDateTime(r.at),
              { text: <code className="font-mono text-sm">{r.action}</code> },
              { text: <Tag colour={colour}>{label}</Tag> },
              {
                text: (
                  <>
                    {r.actorEmail ?? "Not signed in"}
                    {r.actorRole ? <span className="block text-govuk-secondary-text">{ROLE_LABELS[r.actorRole]}</span> : null}
                    {r.ip ? <span className="block text-govuk-secondary-text">IP {r.ip}</span> : null}
                  </>
                ),
              },
              [r.entityType, r.entityId ? `#${r.entityId.slice(0, 8)}` : null, r.laNumber ? `LA ${r.laNumber}` : null]
                .filter(Boolean)
                .join(" ") || "–",
              {
                text:
                  r.detail || r.before || r.after ? (
                    <Details
                      summary={
                        <>
                          Details<span className="govuk-visually-hidden"> of entry {r.id}</span>
                        </>
                      }
                    >
                      <Json label="Context" value={r.detail} />
                      <Json label="Before" value={r.before} />
                      <Json label="After" value={r.after} />
                    </Details>
                  ) : (
                    "–"
                  ),
              },
            ];
          })}
        />
      ) : null}

      {result.pageCount > 1 ? (
        <nav aria-label="Audit log pages" className="govuk-body flex gap-6">
          {result.page > 1 ? <Link href={pageHref(filters, result.page - 1)}>Previous page</Link> : null}
          <span>
            Page {result.page} of {result.pageCount}
          </span>
          {result.page < result.pageCount ? <Link href={pageHref(filters, result.page + 1)}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
