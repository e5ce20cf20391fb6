import { describe, expect, it } from "vitest";
import { nameProblem, parseCell, shown } from "@/lib/core/markers";

describe("parseCell", () => {
  it("reads numbers exactly as published", () => {
    expect(parseCell("16.2")).toEqual({ value: 16.2, marker: null, raw: "16.2" });
    expect(parseCell("0")).toEqual({ value: 0, marker: null, raw: "0" });
    expect(parseCell("1,234")).toEqual({ value: 1234, marker: null, raw: "1234" });
  });

  it.each(["c", "low", "u", "x", "z"] as const)("keeps the marker %s as a marker, never 0", (m) => {
    const cell = parseCell(m);
    expect(cell).toEqual({ value: null, marker: m, raw: m });
  });

  it("accepts the bracketed marker style of newer releases", () => {
    expect(parseCell("[c]")).toEqual({ value: null, marker: "c", raw: "c" });
  });

  it("keeps k (a share that rounds to 0 %, in newer EES files) as its letter, never 0", () => {
    expect(parseCell("k")).toEqual({ value: null, marker: "k", raw: "k" });
    expect(parseCell("[k]")).toEqual({ value: null, marker: "k", raw: "k" });
  });

  it("rejects unknown markers, text and blanks with a reason", () => {
    expect(parseCell("q")).toEqual({ error: expect.stringContaining('unknown value "q"') });
    expect(parseCell("..")).toEqual({ error: expect.stringContaining("unknown value") });
    expect(parseCell("")).toEqual({ error: expect.stringContaining("blank value") });
    expect(parseCell("1e400")).toHaveProperty("error");
    expect(parseCell("9".repeat(20))).toEqual({ error: expect.stringContaining("out of range") });
  });

  it('takes commas only as thousands separators (found by the importer fuzz: "12,3,4,," was read as 1234)', () => {
    expect(parseCell("1,234,567.5")).toEqual({ value: 1234567.5, marker: null, raw: "1234567.5" });
    for (const bad of ["12,3,4,,", "1,23", ",123", "1,,234", "1234,567"]) expect(parseCell(bad), bad).toHaveProperty("error");
  });
});

describe("text shown in import errors and place names", () => {
  it("quotes at most 40 characters of a cell", () => {
    expect(shown("abc")).toBe('"abc"');
    expect(shown("9".repeat(1_000_000))).toBe(`"${"9".repeat(40)}…"`);
  });

  it("accepts published names and refuses blank, overlong, control-character and formula-like ones", () => {
    for (const ok of [
      "Bournemouth, Christchurch and Poole",
      "St. Helens",
      "Kingston upon Thames / Richmond upon Thames",
      "Birmingham <script>",
    ])
      expect(nameProblem(ok), ok).toBeNull();
    expect(nameProblem("")).toMatch(/blank/);
    expect(nameProblem("A".repeat(101))).toMatch(/101 characters/);
    expect(nameProblem("Leeds\u0007")).toMatch(/control/);
    for (const formula of ["=HYPERLINK(1)", "+cmd", "-1+1", "@SUM(1)"]) expect(nameProblem(formula), formula).toMatch(/formula/);
  });
});
