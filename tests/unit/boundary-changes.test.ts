import { describe, expect, it } from "vitest";
import { codeValidity, existenceDates, laTypeFromOnsCode, successorsOf } from "@/lib/catalogue/boundary-changes";

describe("boundary changes", () => {
  it("gives abolished and new LAs their existence dates", () => {
    expect(existenceDates("909")).toEqual({ existsFrom: null, existsTo: "2023-03-31" });
    expect(existenceDates("942")).toEqual({ existsFrom: "2023-04-01", existsTo: null });
    expect(existenceDates("835")).toEqual({ existsFrom: null, existsTo: "2019-03-31" });
    expect(existenceDates("839")).toEqual({ existsFrom: "2019-04-01", existsTo: null });
    expect(existenceDates("928")).toEqual({ existsFrom: null, existsTo: "2021-03-31" });
    expect(existenceDates("330")).toEqual({ existsFrom: null, existsTo: null });
  });

  it("treats a recode as a change of code, not of authority", () => {
    expect(existenceDates("825")).toEqual({ existsFrom: null, existsTo: null });
    expect(codeValidity("E10000002")).toEqual({ validFrom: null, validTo: "2020-03-31" });
    expect(codeValidity("E06000060")).toEqual({ validFrom: "2020-04-01", validTo: null });
  });

  it("maps predecessors to successors", () => {
    expect(successorsOf("909").sort()).toEqual(["942", "943"]);
    expect(successorsOf("928").sort()).toEqual(["940", "941"]);
    expect(successorsOf("835").sort()).toEqual(["838", "839"]);
    expect(successorsOf("825")).toEqual([]);
  });

  it("derives the LA type from the ONS code", () => {
    expect(laTypeFromOnsCode("E10000006")).toBe("COUNTY");
    expect(laTypeFromOnsCode("E06000063")).toBe("UNITARY");
    expect(laTypeFromOnsCode("E08000025")).toBe("METROPOLITAN_DISTRICT");
    expect(laTypeFromOnsCode("E09000021")).toBe("LONDON_BOROUGH");
  });
});
