// Server-rendered legend for the trend chart: line samples with their dash patterns, so the series
// are told apart by pattern and text, not colour alone.
import { COLOURS, DASHES } from "@/components/charts/chart-types";

const Sample = ({ colour, dash, width = 2 }: { colour: string; dash?: string; width?: number }) => (
  <svg width="36" height="12" aria-hidden="true" focusable="false" className="mr-2 inline-block align-middle">
    <line x1="0" y1="6" x2="36" y2="6" stroke={colour} strokeWidth={width} strokeDasharray={dash} />
  </svg>
);

export function TrendLegend({ names }: { names: { la: string; england: string; region: string; comparator: string } }) {
  return (
    <ul className="govuk-list govuk-body-s mb-2 flex flex-wrap gap-x-6">
      <li>
        <Sample colour={COLOURS.la} width={3} />
        {names.la}
      </li>
      <li>
        <Sample colour={COLOURS.england} dash={DASHES.england} />
        {names.england}
      </li>
      <li>
        <Sample colour={COLOURS.region} dash={DASHES.region} />
        {names.region}
      </li>
      <li>
        <Sample colour={COLOURS.comparator} dash={DASHES.comparator} />
        {names.comparator}
      </li>
    </ul>
  );
}
