// Statistical-neighbour groupings (decision 0021): the 2025 layout's parser, which grouping a file is,
// the closeness bands, and the rule that picks the grouping a period is compared with.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closenessBand, neighbourModel } from "@/lib/catalogue/neighbour-models";
import { BY_PERIOD, isNeighbourChoice, modelForPeriod, publicationMonth } from "@/lib/dashboard/neighbour-models";
import { groupingFromName, looksLikeGrouping2025, parseGrouping2025, requireGrouping } from "@/lib/import/formats/neighbour-groupings";
import { parseDashboardView, viewQuery } from "@/lib/dashboard/view-schema";

const FILE = "sn_model_2025_wide.csv";
const text = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/data/published", FILE), "utf8");
const lines = text.replace(/^\uFEFF/, "").split("\n");

describe("the 2025 grouping file", () => {
  it("is recognised by its header, BOM and all", () => {
    expect(looksLikeGrouping2025(text.split("\n")[0]!.split(","))).toBe(true);
    expect(looksLikeGrouping2025(["LA num", "LA Name", "LA number", "GOInd", "GOReg", "SN1", "SNP", "SN10", "SNP"])).toBe(false);
  });

  it("reads 153 LAs, 10 neighbours each, nearest first, as FORMATS.md §11 lists them", () => {
    const f = parseGrouping2025(FILE, text);
    expect(f.rows).toHaveLength(153);
    expect(f.rows.every((r) => r.neighbours.length === 10)).toBe(true);
    const byLa = new Map(f.rows.map((r) => [r.laNumber, r]));
    expect(byLa.get("942")!.neighbours.map((n) => n.laNumber)).toEqual([
      "943",
      "925",
      "884",
      "888",
      "813",
      "384",
      "860",
      "929",
      "371",
      "370",
    ]);
    expect(byLa.get("943")!.neighbours.map((n) => n.laNumber)).toEqual([
      "884",
      "942",
      "860",
      "893",
      "811",
      "815",
      "925",
      "933",
      "935",
      "830",
    ]);
    expect(byLa.has("909")).toBe(false);
    expect(f.rows.filter((r) => r.neighbours.some((n) => n.laNumber === "943"))).toHaveLength(5);
    expect(f.rows.filter((r) => r.neighbours.some((n) => n.laNumber === "942"))).toHaveLength(2);
  });

  it("trims the labels and counts the bands as FORMATS.md does (Close with its trailing space 513 times)", () => {
    const f = parseGrouping2025(FILE, text);
    const labels: Record<string, number> = {};
    const bands: Record<string, number> = {};
    for (const r of f.rows)
      for (const n of r.neighbours) {
        labels[n.closeness] = (labels[n.closeness] ?? 0) + 1;
        bands[closenessBand(n.closeness)!] = (bands[closenessBand(n.closeness)!] ?? 0) + 1;
      }
    expect(labels).toEqual({ "Extremely close": 12, "Very close": 820, Close: 513, "Somewhat close": 136, "Not close": 49 });
    expect(bands).toEqual({ EXTREMELY_CLOSE: 12, VERY_CLOSE: 820, CLOSE: 513, SOMEWHAT_CLOSE: 136, NOT_CLOSE: 49 });
  });

  it("refuses an unknown label, a self-neighbour, a repeated LA and a column it does not know, naming line and column", () => {
    const swap = (line: number, from: string, to: string) => {
      const l = [...lines];
      l[line] = l[line]!.replace(from, to);
      return l.join("\n");
    };
    expect(() => parseGrouping2025(FILE, swap(1, "Somewhat close", "Quite close"))).toThrow(
      /sn_model_2025_wide\.csv, line 2, column "SN_4P": unknown closeness label "Quite close"/,
    );
    expect(() =>
      parseGrouping2025(FILE, swap(1, "301,Barking and Dagenham,3,London,308", "301,Barking and Dagenham,3,London,301")),
    ).toThrow(/line 2, column "SN_1": an LA cannot be its own neighbour/);
    expect(() => parseGrouping2025(FILE, [...lines.slice(0, 3), lines[2]!, ...lines.slice(3)].join("\n"))).toThrow(
      /line 4, column "old_la_code": LA 302 already has its neighbours on line 3/,
    );
    const extra = [lines[0] + ",SN_11", ...lines.slice(1).map((l) => (l ? `${l},999` : l))].join("\n");
    expect(() => parseGrouping2025(FILE, extra)).toThrow(
      /line 1, column "SN_11": column "SN_11" is not part of the statistical neighbour layout/,
    );
  });
});

describe("which grouping a file is", () => {
  it("reads a month and year from the name, or a year whose month the publisher gives", () => {
    expect(groupingFromName("New_Statistical_Neighbour_Groupings_April_2021.csv")).toEqual({
      id: "2021-04",
      label: "April 2021",
      publishedOn: "2021-04-01",
    });
    expect(groupingFromName("sn_model_2025_wide.csv")).toEqual(neighbourModel(2025, 5));
    expect(groupingFromName("sn_model_2026_wide.csv")).toBeNull();
    expect(groupingFromName("statistical_neighbours.csv")).toBeNull();
  });

  it("refuses a file whose grouping cannot be dated", () => {
    expect(() => requireGrouping("statistical_neighbours.csv")).toThrow(
      /statistical_neighbours\.csv: which statistical neighbour grouping this is cannot be told/,
    );
  });

  it("maps both spellings of the closeness labels to one band", () => {
    expect(closenessBand("Very Close")).toBe("VERY_CLOSE");
    expect(closenessBand("Very close")).toBe("VERY_CLOSE");
    expect(closenessBand("Close ")).toBe("CLOSE");
    expect(closenessBand("NOT CLOSE")).toBe("NOT_CLOSE");
    expect(closenessBand("Quite close")).toBeNull();
  });
});

describe("the grouping a period is compared with", () => {
  const models = [neighbourModel(2025, 5), neighbourModel(2021, 4)];
  const rule = (series: Parameters<typeof modelForPeriod>[1], period: number, choice?: string) => {
    const g = modelForPeriod(models, series, period, choice);
    return g && { id: g.model.id, chosen: g.chosen, beforeFirst: g.beforeFirst };
  };

  it("knows when each series publishes a period", () => {
    expect(publicationMonth("CSWW", 2024)).toBe("2025-02");
    expect(publicationMonth("CIN", 2025)).toBe("2025-10");
    expect(publicationMonth("REVENUE_OUTTURN", 2025)).toBe("2025-12");
  });

  it("compares 2025 figures with the May 2025 grouping and 2021–2024 figures with April 2021", () => {
    for (const series of ["CSWW", "CIN", "REFERRALS", "CPP_SUBSEQUENT"] as const) {
      expect(rule(series, 2025), series).toEqual({ id: "2025-05", chosen: false, beforeFirst: false });
      for (const year of [2021, 2022, 2023, 2024])
        expect(rule(series, year), `${series} ${year}`).toEqual({ id: "2021-04", chosen: false, beforeFirst: false });
    }
  });

  it("uses the grouping in force at publication, not the year's number: workforce at 30 Sep 2020 was published in Feb 2021, before April 2021", () => {
    expect(rule("CSWW", 2020)).toEqual({ id: "2021-04", chosen: false, beforeFirst: true });
    expect(rule("CIN", 2021)).toEqual({ id: "2021-04", chosen: false, beforeFirst: false }); // published October 2021
    expect(rule("CIN", 2013)).toEqual({ id: "2021-04", chosen: false, beforeFirst: true });
  });

  it("counts a grouping published in the same month as the figures as in force", () => {
    const february = [neighbourModel(2021, 4), neighbourModel(2025, 2)];
    expect(modelForPeriod(february, "CSWW", 2024)?.model.id).toBe("2025-02");
    expect(modelForPeriod(february, "CSWW", 2023)?.model.id).toBe("2021-04");
  });

  it("lets the reader choose one grouping for every period", () => {
    expect(rule("CSWW", 2017, "2025-05")).toEqual({ id: "2025-05", chosen: true, beforeFirst: false });
    expect(rule("CIN", 2025, "2021-04")).toEqual({ id: "2021-04", chosen: true, beforeFirst: false });
    expect(rule("CIN", 2025, BY_PERIOD)).toEqual({ id: "2025-05", chosen: false, beforeFirst: false });
    expect(rule("CIN", 2025, "2019-04")).toBeNull();
    expect(modelForPeriod([], "CIN", 2025)).toBeNull();
  });

  it("accepts only a grouping held, or by-period, from the URL", () => {
    expect(isNeighbourChoice("2025-05", models)).toBe(true);
    expect(isNeighbourChoice(BY_PERIOD, models)).toBe(true);
    expect(isNeighbourChoice("2019-04", models)).toBe(false);
    const years = () => [2017, 2024];
    expect(parseDashboardView({ grouping: "2025-05" }, years, models)).toEqual({
      view: { indicator: "agency_rate_fte", comparator: "median", year: 2024, grouping: "2025-05" },
      errors: [],
    });
    expect(parseDashboardView({ grouping: BY_PERIOD }, years, models).view).toEqual({
      indicator: "agency_rate_fte",
      comparator: "median",
      year: 2024,
    });
    for (const bad of ["2019-04", "<script>", "2025-05x", ""]) {
      const { view, errors } = parseDashboardView({ grouping: bad }, years, models);
      expect(view.grouping, bad).toBeUndefined();
      if (bad !== "")
        expect(errors, bad).toEqual([{ field: "grouping", message: "Choose a statistical neighbour grouping from the list" }]);
    }
    const view = { indicator: "agency_rate_fte", comparator: "median", year: 2024 } as const;
    expect(viewQuery(view, 2024, { grouping: "2021-04" })).toBe("?grouping=2021-04");
    expect(viewQuery(view, 2024, { grouping: BY_PERIOD })).toBe("");
  });
});
