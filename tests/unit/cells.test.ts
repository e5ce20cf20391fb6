import { describe, expect, it } from "vitest";
import { parseCell } from "@/lib/import/cells";

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

  it("rejects unknown markers, text and blanks with a reason", () => {
    expect(parseCell("k")).toEqual({ error: expect.stringContaining('unknown value "k"') });
    expect(parseCell("..")).toEqual({ error: expect.stringContaining("unknown value") });
    expect(parseCell("")).toEqual({ error: expect.stringContaining("blank value") });
    expect(parseCell("1e400")).toHaveProperty("error");
    expect(parseCell("9".repeat(20))).toEqual({ error: expect.stringContaining("out of range") });
  });
});
