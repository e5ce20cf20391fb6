import { PublishedFigure } from "@/components/authorities/published-figure";
import { Table } from "@/components/govuk";
import type { AuthorityOverview } from "@/lib/data/authorities";

type Row = AuthorityOverview["headline"][number];

const PERIOD_WORD: Record<string, (p: number) => string> = {
  CSWW: (p) => `30 Sep ${p}`,
  CIN: (p) => `year to 31 Mar ${p}`,
  REFERRALS: (p) => `year to 31 Mar ${p}`,
  CPP_SUBSEQUENT: (p) => `year to 31 Mar ${p}`,
  POPULATION: (p) => `mid-${p}`,
};

const periodText = (series: string, period: number) => (PERIOD_WORD[series] ?? String)(period);

/** The LA's latest published figure for each lead indicator, with England and its region for the same period. */
export function AuthorityHeadlineTable({ laName, regionName, rows }: { laName: string; regionName: string; rows: Row[] }) {
  return (
    <Table
      caption={`Latest published figures for ${laName}, with England and ${regionName} for the same period`}
      captionSize="s"
      firstCellIsHeader
      head={["Indicator", "Period", laName, "Previous period", "England", regionName]}
      numericColumns={[2, 3, 4, 5]}
      rows={rows.map((r) => [
        {
          text: (
            <>
              {r.label}
              {r.latest?.jointReturnId ? <span className="block text-base font-normal text-govuk-secondary-text">joint return</span> : null}
            </>
          ),
        },
        r.latest ? periodText(r.series, r.latest.period) : "No figure published",
        { text: <PublishedFigure figure={r.latest} unit={r.unit} explain />, numeric: true },
        {
          text: r.previous ? (
            <>
              <PublishedFigure figure={r.previous} unit={r.unit} />
              <span className="block text-base text-govuk-secondary-text">{periodText(r.series, r.previous.period)}</span>
            </>
          ) : (
            "–"
          ),
          numeric: true,
        },
        { text: <PublishedFigure figure={r.england} unit={r.unit} explain />, numeric: true },
        { text: <PublishedFigure figure={r.region} unit={r.unit} explain />, numeric: true },
      ])}
    />
  );
}
