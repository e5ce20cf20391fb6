// The shapes of the catalogue's records (lib/catalogue/README in docs/decisions/0016). Plain data: no
// Prisma, no node: imports — client components read the catalogue too.

export type GeoLevel = "NATIONAL" | "REGIONAL" | "LOCAL_AUTHORITY";
export type UnitId =
  "PERCENT" | "COUNT" | "FTE" | "RATE_PER_10K" | "CASES_PER_FTE" | "DAYS" | "PERSONS" | "SCORE" | "POUNDS" | "POUNDS_THOUSANDS";
export type PolarityId = "HIGHER_IS_WORSE" | "HIGHER_IS_BETTER" | "NEUTRAL";

/**
 * Where an indicator appears besides its own series:
 * - `headline`: an LA dashboard card, trend and comparison (and the dashboard's `?indicator=` choices);
 * - `list`: a column of the all-LA list on `/`;
 * - `risk`: read by the risk engine (it then needs a rule in lib/risk/config.ts and a `phrase`).
 */
export type IndicatorRole = "headline" | "list" | "risk";

/** What a period number (`time_period`, e.g. 2024) means in a series. */
export type PeriodMeaning =
  /** a count on a date in the year shown (flows over the 12 months to it), e.g. workforce at 30 September */
  | { kind: "snapshot"; month: number; day: number }
  /** a year ending on a date in the year shown, e.g. children in need in the year to 31 March */
  | { kind: "year-ending"; month: number; day: number }
  /** ONS mid-year (30 June) estimate */
  | { kind: "mid-year" }
  /** an academic year, 1 September to 31 August, named by the year it ends in (`time_period` 202425 = 2025) */
  | { kind: "academic-year" };

/**
 * How a series' files are laid out, and so how they are recognised.
 * - `wide`: one row per period × geography, one column per measure. A file is this series when its
 *   measure columns are the `columns` of this series' indicators.
 * - `long`: one row per period × geography × filter combination (the children looked after, care
 *   leavers and outcomes files, FORMATS.md §8–§9). A file is this series when it has all the
 *   `filters` columns and `valueColumns` (and, where two series share a header, when its filter
 *   values are this series'); each indicator picks its rows with a `selection` naming a value for
 *   every filter column. `filters` lists every value each filter column has been published with: the
 *   import reports a value it has not seen before, and one it expected and did not find, by name.
 *   `descriptiveColumns` are read and not stored (e.g. ks2's `version`, "Final" or "Revised").
 */
export type SeriesLayout =
  | { kind: "wide" }
  | {
      kind: "long";
      filters: Readonly<Record<string, readonly string[]>>;
      valueColumns: readonly string[];
      descriptiveColumns?: readonly string[];
    }
  /**
   * An OHID Fingertips indicator export (not EES): one row per area × period × sex × age × category, the
   * figure in `Value`, areas by ONS code (lib/import/formats/fingertips.ts). Indicators pick rows with a
   * `selection`, as in a long file.
   */
  | { kind: "fingertips"; fingertipsId: string; filterColumns: readonly string[]; valueColumns: readonly string[] };

export type SeriesDef = {
  id: string;
  /** "Children's social work workforce (DfE)" */
  label: string;
  /** in running text: "workforce", "children in need" */
  noun: string;
  layout: SeriesLayout;
  period: PeriodMeaning;
  /** what a period means, for the definitions section and the about page */
  referenceDate: string;
  /** published by the end of `month` (1–12) of the year `period + yearOffset` (the point-in-time rule, decision 0007) */
  publication: { month: number; yearOffset: number };
  /** "end of February the following year" */
  publishedAround: string;
  /** geographic levels the files carry */
  geography: readonly GeoLevel[];
};

/** A dashboard area: Ofsted's judgement areas, and context (populations, denominators). */
export type AreaDef = { id: string; label: string; description: string };

/**
 * Rows of a long-layout file: every `filters` column equal to its value (or to one of the values it
 * has been published under, as `columns` lists a renamed column's names); the figure is in `column`.
 */
export type LongSelection = { filters: Readonly<Record<string, string | readonly string[]>>; column: string };

/**
 * A figure this service calculates from other indicators of the catalogue (stored `calculated`, never
 * published; decision 0021):
 * - `per-child`: `scale` × `numerator` / ONS 0–17 population of mid-(period + RATE_DENOMINATOR.periodOffset),
 *   e.g. £ per child from £ thousands (scale 1,000);
 * - `share`: 100 × `part` / `whole`, both of the same period and geography.
 */
export type Calculation = { kind: "per-child"; numerator: string; scale: number } | { kind: "share"; part: string; whole: string };

/**
 * A small-numbers rule (lib/catalogue/small-numbers.ts, decision 0030): a figure resting on fewer than
 * `minimum` of `indicator` (a count of the catalogue, same LA and period; a marker such as `c` or `low`
 * counts as small) is not treated as firm.
 */
export type SmallNumbersBase = { indicator: string; minimum: number; noun: string };

type IndicatorCore<S extends string, A extends string> = {
  id: string;
  series: S;
  area: A;
  label: string;
  shortLabel: string;
  /** in running text, for risk reasons: "agency social worker rate" (needed with the `risk` role) */
  phrase?: string;
  description: string;
  unit: UnitId;
  polarity: PolarityId;
  decimals: number;
  roles?: readonly IndicatorRole[];
  /** the count this rate is a share of, for the small-numbers rule (needed with the `risk` role; decision 0030) */
  base?: SmallNumbersBase;
  /**
   * A rate per 10,000 children that follows from a published count of this series and the ONS 0–17
   * population: where no rate is published (the 2025 children in need release dropped them), the
   * importer calculates 10,000 × count / population of mid-year (period − 1) and marks it calculated.
   */
  perTenThousand?: string;
  /**
   * A percentage this service calculates from published counts of the same series, where none is
   * published: 100 × (sum of `numerators`) / `denominator`, to 1 dp, marked calculated (e.g. initial
   * child protection conferences held within 15 working days, FORMATS.md §15).
   */
  percentOf?: { numerators: readonly string[]; denominator: string };
};

/**
 * One indicator. Its source is either the names its column has carried in a wide file (`columns`,
 * first = the name it was first loaded under; matched after normalising, lib/import/columns.ts), a
 * selection of rows of a long (or Fingertips) file, or a calculation from other indicators of the
 * catalogue (`calculation`). A figure of its own series no release publishes, only calculated from its
 * counts (`perTenThousand` or `percentOf`), has `columns: []`.
 */
export type IndicatorDef<S extends string = string, A extends string = string> = IndicatorCore<S, A> &
  (
    | { columns: readonly string[]; selection?: never; calculation?: never }
    | { selection: LongSelection; columns?: never; calculation?: never }
    | { calculation: Calculation; columns?: never; selection?: never }
  );
