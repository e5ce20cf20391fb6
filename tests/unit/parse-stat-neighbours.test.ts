import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseStatNeighbours } from "@/lib/import/parse-stat-neighbours";

const file = path.resolve(import.meta.dirname, "../../prisma/data/published/New_Statistical_Neighbour_Groupings_April_2021.csv");
const text = fs.readFileSync(file, "utf8");

describe("parseStatNeighbours", () => {
  it("reads 152 LAs with 10 ordered neighbours each and leaves the legacy block out", () => {
    const f = parseStatNeighbours("sn.csv", text);
    expect(f.rows).toHaveLength(152);
    expect(f.legacyRows).toBe(4);
    expect(f.rows.every((r) => r.neighbours.length === 10)).toBe(true);
    expect(f.rows.some((r) => ["835", "836", "837", "928"].includes(r.laNumber))).toBe(false);
    const north = f.rows.find((r) => r.laNumber === "940")!;
    expect(north.neighbours[0]!.laNumber).toBe("941");
    expect(f.rows.filter((r) => r.neighbours.some((n) => n.laNumber === "909"))).toHaveLength(8);
  });

  it("counts the closeness vocabulary as FORMATS.md does", () => {
    const f = parseStatNeighbours("sn.csv", text);
    const counts: Record<string, number> = {};
    for (const r of f.rows) for (const n of r.neighbours) counts[n.closeness] = (counts[n.closeness] ?? 0) + 1;
    // FORMATS.md counts include the 4 legacy rows (40 labels); the current block has 1,520.
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1520);
    expect(Object.keys(counts).sort()).toEqual(["Close", "Extremely Close", "Not Close", "Somewhat close", "Very Close"]);
  });

  it("rejects an unknown closeness label and a non-numeric neighbour, naming line and column", () => {
    const bad = text.replace("Extremely Close", "Practically Twins");
    expect(() => parseStatNeighbours("sn.csv", bad)).toThrow(
      /sn\.csv, line \d+, column "SNP after SN\d+": unknown closeness label "Practically Twins"/,
    );
    const lines = text.split("\n");
    lines[1] = lines[1]!.replace(/,207,/, ",abc,");
    expect(() => parseStatNeighbours("sn.csv", lines.join("\n"))).toThrow(/line 2, column "SN1": neighbour 1 "abc"/);
  });

  // Found by the importer fuzz: a repeated LA row reached the database as a duplicate-key error.
  it("refuses an LA listed twice and an unusable LA name", () => {
    const lines = text.split("\n");
    const twice = [...lines.slice(0, 3), lines[2]!, ...lines.slice(3)].join("\n");
    expect(() => parseStatNeighbours("sn.csv", twice)).toThrow(
      /sn\.csv, line 4, column "LA num": LA 202 already has its neighbours on line 3/,
    );
    const formula = [...lines];
    formula[1] = formula[1]!.replace("City of London", "=1+1");
    expect(() => parseStatNeighbours("sn.csv", formula.join("\n"))).toThrow(/line 2, column "LA Name": LA name "=1\+1" starts with "="/);
  });
});
