// One Ofsted area of the LA dashboard (decision 0026): the area's judgements over time, its indicators
// as cards with their table twin and CSV, and — when the indicator the charts show belongs to this
// area — the trend and all-authority charts (`children`). Only one area holds the charts, so the page
// never draws a chart per indicator.
import { Details, Heading, JudgementTag, Paragraph, StaticTable } from "@/components/govuk";
import type { Dashboard } from "@/lib/dashboard/build";
import { areaSlug } from "@/lib/dashboard/areas";
import { formatIsoDate } from "@/lib/dashboard/format";
import { DataTable } from "./data-table";
import { HeadlineCards } from "./headline-cards";

type Area = Dashboard["areas"][number];

const TYPE_LABEL: Record<string, string> = {
  ILACS_STANDARD: "Standard inspection",
  ILACS_SHORT: "Short inspection",
};

export function AreaJudgements({ area, laName }: { area: Area; laName: string }) {
  if (!area.judgementLabel)
    return (
      <Paragraph size="s">
        Ofsted does not judge outcomes on their own: they inform its judgements of children in care and of help and protection.
      </Paragraph>
    );
  if (area.judgements.length === 0) return <Paragraph size="s">No graded ILACS inspection is published for {laName}.</Paragraph>;
  return (
    <StaticTable
      captionId={`area-judgements-${areaSlug(area.id)}-caption`}
      compact
      caption={`Ofsted: ${area.judgementLabel.charAt(0).toLowerCase()}${area.judgementLabel.slice(1)}, ${laName}, newest first`}
      captionSize="s"
      head={["Inspected", "Published", "Type", "Judgement"]}
      testId={`area-judgements-${areaSlug(area.id)}`}
      rows={area.judgements.map((j) => [
        formatIsoDate(j.inspectionDate),
        formatIsoDate(j.publicationDate),
        TYPE_LABEL[j.type] ?? j.type,
        {
          text: (
            <>
              <JudgementTag judgement={j.judgement} />
              {j.withChildrenInCare ? (
                <span className="block text-base text-govuk-secondary-text">judged with children in care (before 2023)</span>
              ) : null}
            </>
          ),
        },
      ])}
    />
  );
}

/** The columns of the area's table twin that hold figures (see headlineTable in lib/dashboard/build.ts). */
const NUMERIC = [2, 4, 5, 6, 7];

/**
 * The inside of an area's section: heading, description, judgements, cards, table twin and CSV link.
 * Published figures only, the same for every viewer: the page writes it once per dashboard as markup
 * (publishedMarkup, decision 0034) and puts it in <AreaSection>.
 */
export function AreaBody({
  area,
  dashboard,
  hrefFor,
  csvHref,
}: {
  area: Area;
  dashboard: Dashboard;
  hrefFor: (indicator: string) => string;
  csvHref: string;
}) {
  const { la } = dashboard;
  const slug = areaSlug(area.id);
  return (
    <>
      <Heading level={2} size="l" id={`${slug}-heading`}>
        {area.label}
      </Heading>
      <Paragraph size="s">{area.description}</Paragraph>

      <Heading level={3} size="s">
        Ofsted judgements over time
      </Heading>
      <AreaJudgements area={area} laName={la.name} />

      {area.cards.length === 0 ? (
        <Paragraph>No indicator of this area is loaded.</Paragraph>
      ) : (
        <>
          <HeadlineCards
            cards={area.cards}
            regionName={la.regionName}
            hrefFor={hrefFor}
            label={`${area.label} indicators for ${la.name}`}
            smallNumbers={dashboard.smallNumbers}
          />
          <Details summary="Show these figures as a table" id={`${slug}-table`}>
            <DataTable
              table={area.table}
              caption={`${area.label}: latest published figures for ${la.name}, with England and ${la.regionName} for the same period`}
              numericColumns={NUMERIC}
              testId={`${slug}-table`}
            />
          </Details>
          <p className="govuk-body-s">
            <a href={csvHref} className="govuk-link" download>
              Download the {area.label.toLowerCase()} figures (CSV)
            </a>
          </p>
        </>
      )}
    </>
  );
}

/** The attributes of an area's section (its body is a published part, placed by the page). */
export function areaSectionAttributes(area: Area) {
  const slug = areaSlug(area.id);
  return { "aria-labelledby": `${slug}-heading`, id: slug, className: "mb-8 border-t-4 border-govuk-blue pt-4", "data-area": area.id };
}
