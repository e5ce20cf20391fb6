import { describe, expect, it } from "vitest";
import { listOfWords, mergeFields, parseBase, sameFieldValue, serialiseBase } from "@/lib/core/field-merge";

const FIELDS = ["title", "dueDate", "owner"] as const;
const base = { title: "Recruit", dueDate: "2027-01-31", owner: "Head of service" };

describe("mergeFields", () => {
  it("the issue's scenario: they changed the due date, you (from the older copy) only the title → both kept", () => {
    const theirs = { ...base, dueDate: "2027-03-31" };
    const yours = { ...base, title: "Recruit and retain" };
    expect(mergeFields(FIELDS, base, theirs, yours)).toEqual({
      merged: { title: "Recruit and retain", dueDate: "2027-03-31", owner: "Head of service" },
      conflicts: [],
      keptTheirs: ["dueDate"],
      appliedYours: ["title"],
    });
  });

  it("both changed one field differently → a conflict with theirs, yours and before; other fields still merge", () => {
    const theirs = { ...base, dueDate: "2027-03-31", owner: "Alex" };
    const yours = { ...base, dueDate: "2027-06-30", title: "New" };
    const result = mergeFields(FIELDS, base, theirs, yours);
    expect(result.conflicts).toEqual([{ field: "dueDate", base: "2027-01-31", theirs: "2027-03-31", yours: "2027-06-30" }]);
    expect(result.merged).toEqual({ title: "New", dueDate: "2027-06-30", owner: "Alex" });
    expect(result.keptTheirs).toEqual(["owner"]);
    expect(result.appliedYours).toEqual(["title"]);
  });

  it("both made the same change → no conflict, nothing to report", () => {
    const same = { ...base, title: "Same" };
    expect(mergeFields(FIELDS, base, same, same)).toEqual({ merged: same, conflicts: [], keptTheirs: [], appliedYours: [] });
  });

  it("nobody changed anything → theirs", () => {
    expect(mergeFields(FIELDS, base, base, base)).toMatchObject({ merged: base, conflicts: [] });
  });

  it("without a base every field that differs is a conflict (the cautious old behaviour); equal fields are fine", () => {
    const theirs = { ...base, dueDate: "2027-03-31" };
    const yours = { ...base, title: "Other" };
    const result = mergeFields(FIELDS, null, theirs, yours);
    expect(result.conflicts.map((c) => [c.field, c.base])).toEqual([
      ["title", null],
      ["dueDate", null],
    ]);
    // a base missing one field: only that field is unknown
    expect(mergeFields(FIELDS, { title: "Recruit", owner: "Head of service" }, theirs, yours).conflicts.map((c) => c.field)).toEqual([
      "dueDate",
    ]);
  });

  it("treats \\r\\n and \\n as the same text", () => {
    expect(sameFieldValue("a\r\nb", "a\nb")).toBe(true);
    const b = { ...base, title: "line one\nline two" };
    const yours = { ...b, title: "line one\r\nline two" };
    const theirs = { ...b, owner: "Sam" };
    expect(mergeFields(FIELDS, b, theirs, yours)).toMatchObject({ conflicts: [], keptTheirs: ["owner"], appliedYours: [] });
  });
});

describe("parseBase", () => {
  it("reads the listed string fields of a JSON object and ignores everything else", () => {
    expect(parseBase(FIELDS, serialiseBase(FIELDS, base))).toEqual(base);
    expect(parseBase(FIELDS, JSON.stringify({ title: "x", dueDate: 3, extra: "y", owner: null }))).toEqual({ title: "x" });
  });

  it("is null for anything that is not a JSON object (missing, garbage, arrays, too long)", () => {
    for (const raw of [undefined, "", "not json", "[]", "null", '"text"', ["a", "b"], "{".padEnd(200_000, " ")])
      expect(parseBase(FIELDS, raw)).toBeNull();
  });

  it("ignores prototype keys and values holding a NUL (no saved value can)", () => {
    expect(parseBase(FIELDS, '{"__proto__": {"title": "x"}, "owner": "a\\u0000b"}')).toEqual({});
    expect(parseBase(["constructor"] as const, "{}")).toEqual({});
  });
});

describe("listOfWords", () => {
  it("joins with commas and a final 'and'", () => {
    expect(listOfWords([])).toBe("");
    expect(listOfWords(["due date"])).toBe("due date");
    expect(listOfWords(["title", "due date"])).toBe("title and due date");
    expect(listOfWords(["title", "owner", "due date"])).toBe("title, owner and due date");
  });
});
