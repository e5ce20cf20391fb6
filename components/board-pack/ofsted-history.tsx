// The board pack's Ofsted history: every graded inspection public by the pack's date, newest first,
// with its judgements, and the monitoring and focused visits.
import { Paragraph, StaticTable } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { formatIsoDate } from "@/lib/dashboard/format";

const VISIT_LABEL = { ILACS_FOCUSED_VISIT: "Focused visit", MONITORING_VISIT: "Monitoring visit" } as Record<string, string>;

export function OfstedHistory({ ofsted, laName }: { ofsted: Dashboard["ofsted"]; laName: string }) {
  const { table, visits } = ofsted;
  return (
    <section aria-labelledby="board-pack-ofsted" className="board-pack-section">
      <h2 id="board-pack-ofsted" className="govuk-heading-l">
        Ofsted inspections
      </h2>
      {table.rows.length === 0 ? (
        <Paragraph>No graded inspection of {laName} had been published by this date.</Paragraph>
      ) : (
        <StaticTable
          captionId="board-pack-ofsted-caption"
          caption={`Graded inspections of ${laName}, newest first`}
          captionSize="s"
          head={["Inspected", "Type", "Overall effectiveness", "Leaders", "Help and protection", "Children in care", "Care leavers"]}
          rows={table.rows.map(([inspected, , type, ...judgements]) => [formatIsoDate(inspected ?? null), type ?? "", ...judgements])}
        />
      )}
      {visits.length > 0 ? (
        <>
          <h3 className="govuk-heading-s">Visits</h3>
          <ul className="govuk-list govuk-list--bullet">
            {visits.map((v, i) => (
              <li key={`${v.inspectionDate ?? v.publicationDate ?? ""}-${i}`}>
                {VISIT_LABEL[v.type] ?? v.type}, {formatIsoDate(v.inspectionDate ?? v.publicationDate)}
                {v.visitTheme ? `: ${v.visitTheme}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
