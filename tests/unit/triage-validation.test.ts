// The triage forms' schemas (shared by the forms and the server actions) and the inbox's URL filters.
import { describe, expect, it } from "vitest";
import { triageBulkSchema, triageUpdateSchema } from "@/lib/triage/schema";
import { inboxQuery, parseInboxFilters } from "@/lib/triage/filters";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("one LA's triage form", () => {
  it("needs a status, a note that is not blank, and the version and data release the page showed", () => {
    expect(triageUpdateSchema.parse({ status: "REVIEWED", note: "  Spoke to the DCS.  ", version: "0", releaseId: "12" })).toEqual({
      status: "REVIEWED",
      note: "Spoke to the DCS.",
      version: 0,
      releaseId: 12,
    });
    const bad = triageUpdateSchema.safeParse({ status: "DONE", note: "   ", version: "", releaseId: "x" });
    expect(messages(bad)).toEqual({
      status: "Choose a status",
      note: "Enter a note saying what you found or decided",
      version: "Reload the page and try again",
      releaseId: "Reload the page and try again",
    });
    expect(messages(triageUpdateSchema.safeParse({ status: "NEW", version: "1", releaseId: "1" }))).toEqual({
      note: "Enter a note saying what you found or decided",
    });
    expect(messages(triageUpdateSchema.safeParse({ status: "NEW", note: "x".repeat(2001), version: "1", releaseId: "1" }))).toEqual({
      note: "The note must be 2000 characters or fewer",
    });
  });
});

describe("bulk form", () => {
  it("reads ticked rows as LA number and version, one or many", () => {
    expect(triageBulkSchema.parse({ selected: "393:0", status: "UNDER_REVIEW", note: "Batch", releaseId: "3" }).selected).toEqual([
      { laNumber: "393", version: 0 },
    ]);
    expect(triageBulkSchema.parse({ selected: ["393:0", "330:5"], status: "ESCALATED", note: "Batch", releaseId: "3" }).selected).toEqual([
      { laNumber: "393", version: 0 },
      { laNumber: "330", version: 5 },
    ]);
  });

  it("refuses nothing ticked, a malformed row and the same LA twice", () => {
    expect(messages(triageBulkSchema.safeParse({ status: "REVIEWED", note: "n", releaseId: "3" }))).toEqual({
      selected: "Select at least one local authority in the table",
    });
    expect(messages(triageBulkSchema.safeParse({ selected: "393", status: "REVIEWED", note: "n", releaseId: "3" }))).toEqual({
      selected: "Reload the page and try again",
    });
    expect(messages(triageBulkSchema.safeParse({ selected: ["393:1", "393:2"], status: "REVIEWED", note: "n", releaseId: "3" }))).toEqual({
      selected: "Reload the page and try again",
    });
  });
});

describe("inbox URL filters", () => {
  it("adds a triage status and three sorts to the national filters", () => {
    const { filters, errors } = parseInboxFilters({ status: "NEW", region: "E12000002", sort: "change", order: "asc", severity: "red" });
    expect(errors).toEqual([]);
    expect(filters).toEqual({ risk: { region: "E12000002", severity: "red", order: "asc" }, status: "NEW", sort: "change", order: "asc" });
    expect(inboxQuery(filters)).toBe("?region=E12000002&severity=red&status=NEW&sort=change&order=asc");
    expect(inboxQuery(filters, { sort: "review", order: "desc" })).toBe("?region=E12000002&severity=red&status=NEW&sort=review&order=desc");
  });

  it("keeps national sorts national, and reports bad values once each", () => {
    expect(parseInboxFilters({ sort: "caseload" }).filters).toEqual({ risk: { sort: "caseload" }, sort: "caseload", order: undefined });
    const { filters, errors } = parseInboxFilters({ status: "DONE", sort: "mood", region: "nowhere" });
    expect(filters).toEqual({ risk: {}, sort: undefined, order: undefined });
    expect(errors.map((e) => e.field).sort()).toEqual(["region", "sort", "status"]);
    expect(inboxQuery(filters)).toBe("");
  });
});
