// Series breaks that a time-series chart must annotate rather than silently join: the LA's own
// creation or abolition (boundary changes), joint returns, the COVID-19 pandemic, gaps and markers.
import { formatIsoDate } from "./format";
import { datePosition, periodShort } from "./periods";
import type { AuthorityInfo, BoundaryChangeInfo, JointReturnInfo } from "./snapshot";
import { periodWindow } from "@/lib/catalogue/periods";
import type { SeriesId } from "@/lib/catalogue/series";
import type { LaFigure } from "./types";

export type Annotation =
  | { kind: "covid"; from: number; to: number; periods: number[]; text: string }
  | { kind: "boundary"; at: number; text: string }
  | { kind: "joint"; fromPeriod: number; toPeriod: number; text: string }
  | { kind: "gap"; period: number; text: string }
  | { kind: "marker"; period: number; text: string };

/** The pandemic: first national lockdown (23 March 2020) to the end of legal restrictions in England (19 July 2021). */
const COVID_FROM = "2020-03-23";
const COVID_TO = "2021-07-19";

export function covidPeriods(series: SeriesId, periods: readonly number[]): number[] {
  return periods.filter((p) => {
    const [from, to] = periodWindow(series, p);
    return from <= COVID_TO && to >= COVID_FROM;
  });
}

export function periodContains(series: SeriesId, period: number, isoDate: string): boolean {
  const [from, to] = periodWindow(series, period);
  const d = isoDate.slice(0, 10);
  return d >= from && d <= to;
}

type Input = {
  series: SeriesId;
  /** every period of the indicator (England's), ascending */
  periods: readonly number[];
  /** the LA's figures by period */
  own: ReadonlyMap<number, LaFigure>;
  la: AuthorityInfo;
  nameOf: (laNumber: string) => string;
  jointReturns: readonly JointReturnInfo[];
  boundaryChanges: readonly BoundaryChangeInfo[];
  markerMeaning: (marker: string) => string;
};

export function seriesAnnotations(input: Input): Annotation[] {
  const { series, periods, own, la } = input;
  const out: Annotation[] = [];
  const ownPeriods = periods.filter((p) => own.has(p));
  const first = ownPeriods[0];
  const last = ownPeriods.at(-1);

  for (const change of input.boundaryChanges) {
    if (change.kind === "RECODE") continue;
    const from = change.links.filter((l) => l.to === la.laNumber && l.from !== la.laNumber).map((l) => input.nameOf(l.from));
    const to = change.links.filter((l) => l.from === la.laNumber && l.to !== la.laNumber).map((l) => input.nameOf(l.to));
    const at = datePosition(series, change.effective);
    if (from.length > 0) {
      out.push({
        kind: "boundary",
        at,
        text: `${la.name} was created on ${formatIsoDate(change.effective)} from ${[...new Set(from)].join(" and ")}: ${first !== undefined ? `its figures start in ${periodShort(series, first)}` : "it has no figures in this series yet"}. Earlier figures belong to the former authority and are not joined to this line.`,
      });
    }
    if (to.length > 0) {
      out.push({
        kind: "boundary",
        at,
        text: `${la.name} was abolished on ${formatIsoDate(change.effective)} and replaced by ${[...new Set(to)].join(" and ")}: ${last !== undefined ? `no figures after ${periodShort(series, last)}` : "no figures in this series"}.`,
      });
    }
  }

  for (const j of input.jointReturns) {
    if (j.series !== series || !j.members.includes(la.laNumber)) continue;
    const others = j.members.filter((m) => m !== la.laNumber).map(input.nameOf);
    out.push({
      kind: "joint",
      fromPeriod: j.fromPeriod,
      toPeriod: j.toPeriod,
      text: `${periodShort(series, j.fromPeriod)}${j.toPeriod !== j.fromPeriod ? ` to ${periodShort(series, j.toPeriod)}` : ""}: one joint return for ${la.name} and ${others.join(" and ")} — the same figure is shown for both, and it is counted once in ranks and neighbour averages.`,
    });
  }

  const covid = covidPeriods(series, periods);
  if (covid.length > 0) {
    out.push({
      kind: "covid",
      from: datePosition(series, COVID_FROM),
      to: datePosition(series, COVID_TO),
      periods: covid,
      text: `COVID-19 pandemic (23 March 2020 to 19 July 2021): figures for ${covid.map((p) => periodShort(series, p)).join(", ")} cover the pandemic and may not be comparable with other years.`,
    });
  }

  if (first !== undefined && last !== undefined) {
    for (const p of periods) {
      if (p < first || p > last) continue;
      const f = own.get(p);
      if (!f)
        out.push({
          kind: "gap",
          period: p,
          text: `${periodShort(series, p)}: no figure published for ${la.name}; the line is broken, not joined.`,
        });
      else if (f.marker)
        out.push({
          kind: "marker",
          period: p,
          text: `${periodShort(series, p)}: published as "${f.marker}" (${input.markerMeaning(f.marker)}); not plotted.`,
        });
    }
  }
  return out;
}
