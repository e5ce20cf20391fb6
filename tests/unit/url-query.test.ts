import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstValue, parseQueryFields, queryString } from "@/lib/core/url-query";

const shape = {
  region: z.string().regex(/^E12\d{6}$/, "Choose a region from the list"),
  page: z.coerce.number().int().min(1, "Page 1 or more"),
};

describe("parseQueryFields", () => {
  it("keeps the values that pass, reports each that does not, and leaves out blank and missing ones", () => {
    expect(parseQueryFields({ region: "E12000001", page: "2" }, shape, ["region", "page"])).toEqual({
      values: { region: "E12000001", page: 2 },
      errors: [],
    });
    expect(parseQueryFields({ region: "nowhere", page: "" }, shape, ["region", "page"])).toEqual({
      values: {},
      errors: [{ field: "region", message: "Choose a region from the list" }],
    });
  });

  it("reads the first of a repeated key, only the fields asked for, and blank as the caller says", () => {
    expect(parseQueryFields({ region: ["E12000002", "E12000003"], page: "0" }, shape, ["region"]).values).toEqual({ region: "E12000002" });
    expect(parseQueryFields({ region: "  " }, shape, ["region"]).errors).toHaveLength(1);
    expect(parseQueryFields({ region: "  " }, shape, ["region"], (v) => v.trim() === "")).toEqual({ values: {}, errors: [] });
  });
});

describe("queryString and firstValue", () => {
  it("writes the fields in the order given, leaving out empty ones", () => {
    expect(queryString({ sort: "score", region: "E12000001", kind: "" }, ["region", "kind", "sort"])).toBe("?region=E12000001&sort=score");
    expect(queryString({ region: null }, ["region"])).toBe("");
    expect(firstValue(["a", "b"])).toBe("a");
    expect(firstValue(undefined)).toBeUndefined();
  });
});
