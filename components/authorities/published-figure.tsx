// A published figure as printed in the source: the number, or the marker letter with its meaning
// available to every user (visible text where there is room, an accessible description otherwise).
import type { Marker } from "@/lib/generated/prisma/enums";
import { CALCULATED_NOTE, formatValue, markerMeaning } from "@/lib/core/values";

type Props = {
  figure: { value: number | null; marker: Marker | null; raw: string; calculated?: boolean } | null | undefined;
  unit: string;
  /** show the marker's meaning as visible text after the letter */
  explain?: boolean;
};

export function PublishedFigure({ figure, unit, explain = false }: Props) {
  if (!figure) {
    return (
      <span>
        <span aria-hidden="true">–</span>
        <span className="govuk-visually-hidden">no figure published</span>
      </span>
    );
  }
  if (figure.marker) {
    const meaning = markerMeaning(figure.marker);
    return (
      <span data-marker={figure.marker}>
        <abbr title={meaning} className="font-bold no-underline">
          {figure.marker}
        </abbr>
        {explain ? (
          <span className="block text-base font-normal text-govuk-secondary-text">{meaning}</span>
        ) : (
          <span className="govuk-visually-hidden"> ({meaning})</span>
        )}
      </span>
    );
  }
  if (figure.calculated) {
    // Not published: calculated from published counts (lib/import calculateRates). Always said in words.
    return (
      <span data-calculated="true">
        {formatValue(figure, unit)}
        <span className="block text-base font-normal text-govuk-secondary-text">{CALCULATED_NOTE}</span>
      </span>
    );
  }
  return <span>{formatValue(figure, unit)}</span>;
}
