import { describe, expect, it } from "vitest";
import { normalizeLaName } from "@/lib/catalogue/la-names";
import { FORMER_LA_NUMBERS, LA_DIRECTORY } from "@/tests/fixtures/la-directory";

// FORMATS.md §4: DfE CSV name | Ofsted 2025 | Ofsted 2024 | SN 2021
const CROSSWALK: [string, string, string, string][] = [
  [
    "Bournemouth, Christchurch and Poole",
    "Bournemouth, Christchurch & Poole",
    "Bournemouth, Christchurch & Poole",
    "Bournemouth, Christchurch & Poole",
  ],
  ["Bristol, City of", "Bristol", "Bristol", "Bristol, City of"],
  ["County Durham", "Durham", "Durham", "Durham"],
  ["Hammersmith and Fulham", "Hammersmith & Fulham", "Hammersmith & Fulham", "Hammersmith and Fulham"],
  ["Herefordshire, County of", "Herefordshire", "Herefordshire", "Herefordshire"],
  ["Kingston upon Hull, City of", "Kingston upon Hull", "Kingston Upon Hull", "Kingston Upon Hull, City of"],
  ["Richmond upon Thames", "Richmond upon Thames", "Richmond Upon Thames", "Richmond upon Thames"],
  ["St. Helens", "St Helens", "St Helens", "St. Helens"],
  ["Telford and Wrekin", "Telford & Wrekin", "Telford & Wrekin", "Telford and Wrekin"],
  ["Bedford", "Bedford", "Bedford", "Bedford Borough"],
];

describe("normalizeLaName", () => {
  it.each(CROSSWALK)("all forms of %s match", (dfe, ofsted2025, ofsted2024, sn) => {
    const key = normalizeLaName(dfe);
    expect(normalizeLaName(ofsted2025)).toBe(key);
    expect(normalizeLaName(ofsted2024)).toBe(key);
    expect(normalizeLaName(sn)).toBe(key);
  });

  it.each([
    ["Kingston upon Hull, City of", "kingston upon hull"],
    ["Bristol, City of", "bristol"],
    ["Herefordshire, County of", "herefordshire"],
    ["County Durham", "durham"],
    ["St. Helens", "st helens"],
    ["Bournemouth, Christchurch & Poole", "bournemouth christchurch and poole"],
    ["  Telford   &  Wrekin ", "telford and wrekin"],
    ["Southend-on-Sea", "southend on sea"],
  ] as const)("gives readable keys: %j → %j", (input, expected) => {
    expect(normalizeLaName(input)).toBe(expected);
  });

  it("keeps the City of London as its own LA", () => {
    expect(normalizeLaName("City of London")).toBe("city of london");
    expect(normalizeLaName("London, City of")).toBe("city of london");
    expect(normalizeLaName("City of London")).not.toBe(normalizeLaName("London"));
  });

  it("keeps Dorset distinct from the other LAs (old and new Dorset share the key; the resolver picks the current one)", () => {
    expect(normalizeLaName("Dorset")).toBe("dorset");
    const dorsets = LA_DIRECTORY.filter((la) => normalizeLaName(la.name) === "dorset").map((la) => la.laNumber);
    expect(dorsets).toEqual(["835", "838"]);
    expect(normalizeLaName("Bournemouth")).not.toBe(normalizeLaName("Bournemouth, Christchurch and Poole"));
    expect(normalizeLaName("Northamptonshire")).not.toBe(normalizeLaName("North Northamptonshire"));
  });

  it("does not merge any two current LAs", () => {
    const current = LA_DIRECTORY.filter((la) => !FORMER_LA_NUMBERS.includes(la.laNumber));
    expect(current.length).toBe(153);
    expect(new Set(current.map((la) => normalizeLaName(la.name))).size).toBe(153);
  });
});
