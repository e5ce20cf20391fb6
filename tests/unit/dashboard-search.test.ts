import { describe, expect, it } from "vitest";
import { parseAuthoritySearch } from "@/lib/dashboard/search";

describe("parseAuthoritySearch", () => {
  it("is nothing for an empty or punctuation-only query", () => {
    expect(parseAuthoritySearch(undefined)).toEqual({ kind: "none" });
    expect(parseAuthoritySearch("   ")).toEqual({ kind: "none" });
    expect(parseAuthoritySearch(" . , ")).toEqual({ kind: "none" });
  });

  it("reads a three-digit DfE number and an ONS code in any case", () => {
    expect(parseAuthoritySearch(" 342 ")).toEqual({ kind: "la-number", laNumber: "342" });
    expect(parseAuthoritySearch("e08000013")).toEqual({ kind: "ons-code", onsCode: "E08000013" });
  });

  it("turns names into the comparison key the la_name table holds", () => {
    expect(parseAuthoritySearch("St Helens")).toEqual({ kind: "name", key: "st helens" });
    expect(parseAuthoritySearch("St. Helens")).toEqual({ kind: "name", key: "st helens" });
    expect(parseAuthoritySearch("Saint Helens")).toEqual({ kind: "name", key: "st helens" });
    expect(parseAuthoritySearch("Brighton & Hove")).toEqual({ kind: "name", key: "brighton and hove" });
    expect(parseAuthoritySearch("Kingston upon Hull, City of")).toEqual({ kind: "name", key: "kingston upon hull" });
    expect(parseAuthoritySearch("King’s Lynn")).toEqual({ kind: "name", key: "kings lynn" });
  });
});
