// Small synthetic datasets for the risk engine's unit tests. Numbers are made up; shapes are real.
import type { RiskIndicatorId } from "@/lib/risk/config";
import type { NationalRow } from "@/lib/risk/national";
import type { AuthorityInfo, GradedInspection, MarkerCode, Observation, RiskDataset } from "@/lib/risk/types";

export const num = (period: number, value: number, jointReturnId: string | null = null): Observation => ({
  period,
  value,
  marker: null,
  raw: String(value),
  jointReturnId,
});

export const mark = (period: number, marker: MarkerCode): Observation => ({
  period,
  value: null,
  marker,
  raw: marker,
  jointReturnId: null,
});

export function authority(laNumber: string, overrides: Partial<AuthorityInfo> = {}): AuthorityInfo {
  return {
    laNumber,
    name: `LA ${laNumber}`,
    regionCode: "E12000001",
    regionName: "North East",
    existsFrom: null,
    existsTo: null,
    ...overrides,
  };
}

type Series = Partial<Record<RiskIndicatorId, Observation[]>>;

/** A dataset of `count` LAs ("100", "101", …) all with the same ordinary figures, then overrides. */
export function dataset(options: {
  count?: number;
  values?: Record<string, Series>;
  authorities?: AuthorityInfo[];
  neighbours?: RiskDataset["neighbours"];
  inspections?: GradedInspection[];
  years?: number[];
}): RiskDataset<RiskIndicatorId> {
  const count = options.count ?? 12;
  const years = options.years ?? [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
  const las = options.authorities ?? Array.from({ length: count }, (_, i) => authority(String(100 + i)));
  // With ten or more LAs the last four are a little worse than the rest (1 to 4 units), so that an
  // ordinary LA is not tied into England's worst 20% (the position rule counts ties in).
  const ordinary = (i: number): Series => {
    const w = las.length >= 10 && i >= las.length - 4 ? i - (las.length - 5) : 0;
    return {
      agency_rate_fte: years.map((y) => num(y, 12)),
      turnover_rate_fte: years.map((y) => num(y, 15 + w)),
      vacancy_rate_fte: years.map((y) => num(y, 16 + w)),
      caseload_fte: years.map((y) => num(y, 16 + w)),
      re_referrals_percent: years.map((y) => num(y, 21 + w)),
      cpp_subsequent_percent: years.map((y) => num(y, 22 + w)),
    };
  };
  const values: RiskDataset<RiskIndicatorId>["values"] = {};
  las.forEach((la, i) => (values[la.laNumber] = { ...ordinary(i), ...(options.values?.[la.laNumber] ?? {}) }));
  return { authorities: las, values, england: {}, neighbours: options.neighbours ?? null, inspections: options.inspections ?? [] };
}

export function inspection(
  laNumber: string,
  inspectionDate: string,
  overall: GradedInspection["overall"],
  extra: Partial<GradedInspection> = {},
): GradedInspection {
  return {
    laNumber,
    type: "ILACS_STANDARD",
    inspectionDate,
    publicationDate: null,
    overall,
    leadership: overall,
    helpAndProtection: overall,
    childrenInCare: overall,
    careLeavers: null,
    ...extra,
  };
}

/** A latest-year figure as the national table row holds it. */
export const fig = (value: number | null, marker: "u" | null = null, jointReturnId: string | null = null) => ({
  period: 2024,
  value,
  marker,
  raw: marker ?? String(value),
  jointReturnId,
});

/** A national risk table row with unremarkable figures, and `over` on top. */
export function nationalRow(over: Partial<NationalRow> & { laNumber: string }): NationalRow {
  return {
    rank: 1,
    joint: false,
    name: `LA ${over.laNumber}`,
    regionCode: "E12000001",
    regionName: "North East",
    judgement: null,
    inspectionDate: null,
    score: 0,
    red: 0,
    amber: 0,
    flags: [],
    topReason: null,
    figures: { agency_rate_fte: fig(10), caseload_fte: fig(16), turnover_rate_fte: fig(15), vacancy_rate_fte: fig(15) },
    jointReturnId: null,
    trend: [],
    ...over,
  };
}
