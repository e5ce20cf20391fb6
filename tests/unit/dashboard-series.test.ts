import { describe, expect, it } from "vitest";
import { seriesAnnotations } from "@/lib/dashboard/series-notes";
import type { AuthorityInfo } from "@/lib/dashboard/snapshot";
import type { LaFigure } from "@/lib/dashboard/types";

const la = (laNumber: string, name: string): AuthorityInfo => ({
  laNumber,
  name,
  onsCode: "E00000000",
  regionCode: "E12000001",
  regionName: "North East",
  subRegionName: null,
  laType: null,
  existsFrom: null,
  existsTo: null,
  codes: [],
});
const fig = (laNumber: string, value: number | null, marker: LaFigure["marker"] = null, jointReturnId: string | null = null): LaFigure => ({
  laNumber,
  value,
  marker,
  raw: marker ?? String(value),
  jointReturnId,
});
const names: Record<string, string> = {
  "909": "Cumbria",
  "942": "Cumberland",
  "943": "Westmorland and Furness",
  "314": "Kingston upon Thames",
  "318": "Richmond upon Thames",
};
const base = {
  nameOf: (n: string) => names[n] ?? n,
  markerMeaning: (m: string) => `meaning of ${m}`,
  jointReturns: [{ id: "CSWW:314/318", series: "CSWW", label: "K/R", fromPeriod: 2017, toPeriod: 2024, members: ["314", "318"] }],
  boundaryChanges: [
    {
      id: "2023-cumbria-split",
      kind: "SPLIT" as const,
      effective: "2023-04-01",
      description: "",
      links: [
        { from: "909", to: "942" },
        { from: "909", to: "943" },
      ],
    },
    {
      id: "2023-north-yorkshire-unitary",
      kind: "RECODE" as const,
      effective: "2023-04-01",
      description: "",
      links: [{ from: "815", to: "815" }],
    },
  ],
};
const periods = [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

describe("seriesAnnotations", () => {
  it("marks a successor's start, the pandemic, and nothing else for a clean series", () => {
    const own = new Map([2023, 2024].map((p) => [p, fig("942", 10)]));
    const notes = seriesAnnotations({ ...base, series: "CSWW", periods, own, la: la("942", "Cumberland") });
    expect(notes.map((n) => n.kind)).toEqual(["boundary", "covid"]);
    expect(notes[0]?.text).toBe(
      "Cumberland was created on 1 April 2023 from Cumbria: its figures start in 2023. Earlier figures belong to the former authority and are not joined to this line.",
    );
    expect(notes[1]).toMatchObject({ kind: "covid", periods: [2020, 2021] });
  });

  it("marks an abolished LA's end", () => {
    const own = new Map([2017, 2018, 2019, 2020, 2021, 2022].map((p) => [p, fig("909", 10)]));
    const [end] = seriesAnnotations({ ...base, series: "CSWW", periods, own, la: la("909", "Cumbria") });
    expect(end?.text).toBe(
      "Cumbria was abolished on 1 April 2023 and replaced by Cumberland and Westmorland and Furness: no figures after 2022.",
    );
  });

  it("marks joint returns, gaps (not joined) and markers (not plotted); recodes are not breaks", () => {
    const own = new Map<number, LaFigure>([
      [2017, fig("318", 10, null, "CSWW:314/318")],
      [2018, fig("318", 11, null, "CSWW:314/318")],
      [2020, fig("318", null, "u", "CSWW:314/318")],
      [2021, fig("318", 12, null, "CSWW:314/318")],
    ]);
    const notes = seriesAnnotations({ ...base, series: "CSWW", periods, own, la: la("318", "Richmond upon Thames") });
    expect(notes.map((n) => n.kind)).toEqual(["joint", "covid", "gap", "marker"]);
    expect(notes[0]?.text).toContain("one joint return for Richmond upon Thames and Kingston upon Thames");
    expect(notes[2]).toMatchObject({ kind: "gap", period: 2019 });
    expect(notes[3]).toMatchObject({ kind: "marker", period: 2020, text: '2020: published as "u" (meaning of u); not plotted.' });
  });

  it("a joint return of another series does not apply", () => {
    const own = new Map([2023, 2024].map((p) => [p, fig("318", 10)]));
    const notes = seriesAnnotations({ ...base, series: "CIN", periods: [2023, 2024], own, la: la("318", "Richmond upon Thames") });
    expect(notes).toEqual([]);
  });
});
