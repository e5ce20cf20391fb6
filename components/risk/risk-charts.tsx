// The national page's three charts, each a client leaf fed a small array, each with a table twin
// holding exactly the same figures (inside a details element, so the page stays short).
import type { ReactNode } from "react";
import { Details, Heading, Paragraph, Table } from "@/components/govuk";
import type { Encoded, RegionFlags, ScatterPoint, ScoreBin } from "@/lib/risk/national";
import { AgencyCaseloadChart } from "./agency-caseload-chart";
import { FlagsByRegionChart, ScoreDistributionChart } from "./bar-charts";
import { RegionBarsSvg, ScatterSvg, ScoreBarsSvg } from "./risk-svg";
import { decodeFromServer } from "@/lib/risk/national-rows";
import { periodLabel } from "@/lib/catalogue/periods";

type Props = {
  /** scatter points as one JSON string, with how many there are and how many are Inadequate */
  scatter: Encoded<ScatterPoint[]>;
  scatterCount: number;
  inadequatePoints: number;
  distribution: ScoreBin[];
  byRegion: RegionFlags[];
  workforcePeriod: number;
  cacheKey: string;
};

type TableTwin = { caption: string; head: string[]; numericColumns: number[]; rows: (string | number)[][] };

/** A chart's figures as a table (its twin), folded away under the chart. */
function ChartFigures(props: TableTwin) {
  return (
    <Details summary="Show the figures in this chart as a table">
      <Table captionSize="s" firstCellIsHeader {...props} />
    </Details>
  );
}

const SCORE_TITLE = "How risk scores are spread";
const REGIONS_TITLE = "Flags by region";

/** One chart under its heading, drawn when it comes near the screen. */
function ChartFigure({ id, title, figures, children }: { id: string; title: string; figures?: TableTwin; children: ReactNode }) {
  return (
    <figure className="render-when-near mb-8" aria-labelledby={`${id}-title`}>
      <Heading level={3} size="s" id={`${id}-title`}>
        {title}
      </Heading>
      {children}
      {figures ? <ChartFigures {...figures} /> : null}
    </figure>
  );
}

export function RiskCharts({ scatter, scatterCount, inadequatePoints, distribution, byRegion, workforcePeriod, cacheKey }: Props) {
  const returns = distribution.reduce((s, b) => s + b.count, 0);
  const red = byRegion.reduce((s, r) => s + r.red, 0);
  const amber = byRegion.reduce((s, r) => s + r.amber, 0);
  const scatterTitle = `Agency rate and caseload ${periodLabel("CSWW", workforcePeriod, "phrase")}, by current Ofsted judgement`;
  const scatterSummary = `Scatter chart: agency social worker rate against caseload for ${scatterCount} workforce returns, ${inadequatePoints} of them from authorities judged Inadequate. The same figures are in the table that follows.`;
  const scoreSummary = `Bar chart: number of workforce returns at each risk score, ${returns} in all. The same figures are in the table that follows.`;
  const regionSummary = `Bar chart: red and amber flags in each region, ${red} red and ${amber} amber in all. The same figures are in the table that follows.`;
  return (
    <>
      <Heading level={2} size="m" id="charts">
        Charts
      </Heading>
      <Paragraph size="s">
        The charts show the authorities listed above. Kingston upon Thames and Richmond upon Thames, and North and West Northamptonshire,
        send one joint workforce return each: in the charts each pair counts once.
      </Paragraph>

      <ChartFigure id="scatter" title={scatterTitle}>
        <AgencyCaseloadChart
          cacheKey={cacheKey}
          points={scatter}
          summary={scatterSummary}
          drawn={<ScatterSvg id="scatter-svg" title={scatterTitle} description={scatterSummary} points={decodeFromServer(scatter)} />}
        />
      </ChartFigure>

      <ChartFigure
        id="distribution"
        title={SCORE_TITLE}
        figures={{
          caption: "Number of authorities by risk score",
          head: ["Risk score (points)", "Authorities"],
          numericColumns: [1],
          rows: distribution.map((b) => [b.label, b.count]),
        }}
      >
        <ScoreDistributionChart
          bins={distribution}
          summary={scoreSummary}
          drawn={<ScoreBarsSvg id="score-svg" title={SCORE_TITLE} description={scoreSummary} bins={distribution} />}
        />
      </ChartFigure>

      <ChartFigure
        id="regions"
        title={REGIONS_TITLE}
        figures={{
          caption: "Red and amber flags by region",
          head: ["Region", "Red flags", "Amber flags", "Authorities shown"],
          numericColumns: [1, 2, 3],
          rows: byRegion.map((r) => [r.regionName, r.red, r.amber, r.authorities]),
        }}
      >
        <FlagsByRegionChart
          regions={byRegion}
          summary={regionSummary}
          drawn={<RegionBarsSvg id="regions-svg" title={REGIONS_TITLE} description={regionSummary} regions={byRegion} />}
        />
      </ChartFigure>
    </>
  );
}
