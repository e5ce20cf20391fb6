import { Heading, JudgementTag, Paragraph, SummaryList, Table } from "@/components/govuk";
import type { AuthorityOverview } from "@/lib/data/authorities";
import { formatDate } from "@/lib/format/values";

const TYPE_LABEL: Record<string, string> = {
  ILACS_STANDARD: "Standard inspection",
  ILACS_SHORT: "Short inspection",
  ILACS_FOCUSED_VISIT: "Focused visit",
  MONITORING_VISIT: "Monitoring visit",
};

// Before 1 January 2023 Ofsted judged children in care and care leavers together.
const SUB_JUDGEMENT_CHANGE = new Date("2023-01-01T00:00:00Z");

type Props = Pick<AuthorityOverview, "inspections" | "position" | "positionAsAt"> & { laName: string };

export function InspectionHistory({ laName, position, positionAsAt, inspections }: Props) {
  const graded = inspections.filter((i) => i.type === "ILACS_STANDARD" || i.type === "ILACS_SHORT");
  const visits = inspections.filter((i) => i.type === "ILACS_FOCUSED_VISIT" || i.type === "MONITORING_VISIT");
  const combinedCare = position?.inspectionDate && position.inspectionDate < SUB_JUDGEMENT_CHANGE;

  return (
    <>
      {position ? (
        <>
          <Heading level={3} size="s">
            Latest judgement (Ofsted, as at {formatDate(positionAsAt)})
          </Heading>
          {position.overall ? (
            <SummaryList
              rows={[
                { key: "Overall effectiveness", value: <JudgementTag judgement={position.overall} /> },
                { key: "Impact of leaders on social work practice", value: <JudgementTag judgement={position.leadership} /> },
                { key: "Children who need help and protection", value: <JudgementTag judgement={position.helpAndProtection} /> },
                {
                  key: combinedCare ? "Children in care and care leavers" : "Children in care",
                  value: <JudgementTag judgement={position.childrenInCare} />,
                },
                {
                  key: "Care leavers",
                  value: combinedCare ? "Judged with children in care (inspections before 1 January 2023)" : <JudgementTag judgement={position.careLeavers} />,
                },
                { key: "Inspection date", value: formatDate(position.inspectionDate) },
                { key: "Publication date", value: formatDate(position.publicationDate) },
              ]}
            />
          ) : (
            <Paragraph>{laName} had not been inspected under the ILACS framework at this date.</Paragraph>
          )}
        </>
      ) : null}

      <Heading level={3} size="s">
        Graded inspections
      </Heading>
      {graded.length === 0 ? (
        <Paragraph>No graded ILACS inspection is published for {laName}.</Paragraph>
      ) : (
        <Table
          caption={`ILACS graded inspections of ${laName}, newest first`}
          captionSize="s"
          head={["Inspected", "Published", "Type", "Overall", "Leaders", "Help and protection", "Children in care", "Care leavers"]}
          rows={graded.map((i) => [
            formatDate(i.inspectionDate),
            formatDate(i.publicationDate),
            TYPE_LABEL[i.type] ?? i.type,
            { text: <JudgementTag judgement={i.overall} /> },
            { text: <JudgementTag judgement={i.leadership} /> },
            { text: <JudgementTag judgement={i.helpAndProtection} /> },
            { text: <JudgementTag judgement={i.childrenInCare} /> },
            i.inspectionDate && i.inspectionDate < SUB_JUDGEMENT_CHANGE ? "With children in care" : { text: <JudgementTag judgement={i.careLeavers} /> },
          ])}
        />
      )}

      {visits.length > 0 ? (
        <Table
          caption={`Focused and monitoring visits to ${laName} (no judgements), newest first`}
          captionSize="s"
          head={["Visited", "Published", "Type", "Theme"]}
          rows={visits.map((v) => [formatDate(v.inspectionDate), formatDate(v.publicationDate), TYPE_LABEL[v.type] ?? v.type, v.visitTheme ?? "–"])}
        />
      ) : null}
      <Paragraph size="s">
        Source: Ofsted, local authority inspection outcomes (releases as at 31 March 2024 and 31 March 2025). Visits are listed only for the years those releases cover.
      </Paragraph>
    </>
  );
}
