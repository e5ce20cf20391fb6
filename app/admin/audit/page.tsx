import type { Metadata } from "next";
import { Link } from "@/components/govuk/link";
import { Details, ErrorSummary, FilterForm, Heading, Paragraph, Table, Tag } from "@/components/govuk";
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
const OUTCOME_OPTIONS = Object.entries(OUTCOME_TAGS).map(([value, [, text]]) => ({ value, text }));

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
  const filtered = Object.keys(filters).some((k) => k !== "page");

  return (
    <>
      {errors.length > 0 ? <ErrorSummary errors={errors.map((e) => ({ href: `#${e.field}`, text: e.message }))} /> : null}
      <Heading level={1}>Audit log</Heading>
      <Paragraph>
        Every sign-in, failed sign-in, refused request and change to data, newest first. Times are UK time. Entries cannot be changed or
        deleted.
      </Paragraph>

      <FilterForm
        action="/admin/audit"
        label="Filter the audit log"
        search
        className="grid gap-x-6 md:grid-cols-3"
        errors={errors}
        fields={[
          {
            name: "action",
            label: "Event",
            value: filters.action,
            any: "All events",
            options: actions.map((a) => ({ value: a, text: a })),
          },
          { name: "outcome", label: "Outcome", value: filters.outcome, any: "Any outcome", options: OUTCOME_OPTIONS },
          { name: "actor", label: "Email address contains", value: filters.actor, input: { autoComplete: "off" } },
          {
            name: "la",
            label: "Local authority number",
            hint: "For example, 330",
            value: filters.la,
            input: { width: 4, inputMode: "numeric" },
          },
          { name: "from", label: "From", value: filters.from, input: { type: "date" } },
          { name: "to", label: "To", value: filters.to, input: { type: "date" } },
        ]}
        submit={{ label: "Apply filters", className: "md:col-span-3" }}
      />

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
