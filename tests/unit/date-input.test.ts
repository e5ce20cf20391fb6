import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DateInput } from "@/components/govuk/date-input";
import { gatherDateInputs, isoToDateParts, readDateParts } from "@/lib/core/date-input";
import { dateField, optionalDateField } from "@/lib/core/date-input-schema";

describe("readDateParts (GOV.UK date input)", () => {
  const read = (day: string, month: string, year: string) => readDateParts({ day, month, year }, "due date");

  it("reads a real date, with or without leading zeros, and month names", () => {
    expect(read("9", "3", "2027")).toEqual({ kind: "date", iso: "2027-03-09" });
    expect(read(" 09 ", "03", "2027")).toEqual({ kind: "date", iso: "2027-03-09" });
    expect(read("9", "Mar", "2027")).toEqual({ kind: "date", iso: "2027-03-09" });
    expect(read("30", "september", "2027")).toEqual({ kind: "date", iso: "2027-09-30" });
    expect(read("29", "2", "2028")).toEqual({ kind: "date", iso: "2028-02-29" });
  });

  it("is empty when all three boxes are", () => {
    expect(read(" ", "", "")).toEqual({ kind: "empty" });
    expect(readDateParts({}, "due date")).toEqual({ kind: "empty" });
  });

  it("names the missing parts", () => {
    expect(read("9", "", "2027")).toEqual({ kind: "error", message: "The due date must include a month", parts: ["month"] });
    expect(read("", "", "2027")).toEqual({ kind: "error", message: "The due date must include a day and month", parts: ["day", "month"] });
  });

  it("refuses dates that do not exist and years that are not 4 numbers", () => {
    expect(read("30", "2", "2027")).toMatchObject({ kind: "error", message: "The due date must be a real date" });
    expect(read("31", "13", "2027")).toMatchObject({ kind: "error", message: "The due date must be a real date" });
    expect(read("x", "3", "2027")).toEqual({ kind: "error", message: "The due date must be a real date", parts: ["day"] });
    expect(read("1", "3", "27")).toEqual({ kind: "error", message: "Year must include 4 numbers", parts: ["year"] });
  });
});

describe("gatherDateInputs and dateField", () => {
  const schema = z.object({ dueDate: dateField("due date"), targetDate: optionalDateField("target date") });

  it("gathers the three boxes under the date's name and reads them", () => {
    const raw = {
      "dueDate-day": "31",
      "dueDate-month": "3",
      "dueDate-year": "2027",
      "targetDate-day": "",
      "targetDate-month": "",
      "targetDate-year": "",
      title: "x",
    };
    const gathered = gatherDateInputs(raw, ["dueDate", "targetDate"]);
    expect(gathered).toEqual({
      dueDate: { day: "31", month: "3", year: "2027" },
      targetDate: { day: "", month: "", year: "" },
      title: "x",
    });
    expect(schema.parse(gathered)).toEqual({ dueDate: "2027-03-31", targetDate: null });
  });

  it("says 'Enter the …' for a missing required date, and the part message otherwise", () => {
    const missing = schema.safeParse(gatherDateInputs({}, ["dueDate", "targetDate"]));
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["dueDate", "Enter the due date"]]);
    const partial = schema.safeParse(gatherDateInputs({ "dueDate-day": "1", "dueDate-month": "", "dueDate-year": "2027" }, ["dueDate"]));
    expect(partial.success).toBe(false);
    expect(partial.error?.issues[0]?.message).toBe("The due date must include a month");
  });

  it("splits a saved date back into the boxes", () => {
    expect(isoToDateParts("2027-03-09")).toEqual({ day: "9", month: "3", year: "2027" });
    expect(isoToDateParts(null)).toEqual({ day: "", month: "", year: "" });
  });
});

describe("<DateInput>", () => {
  it("renders three labelled text boxes named <name>-day/-month/-year, the day box carrying the date's id", () => {
    const html = renderToStaticMarkup(createElement(DateInput, { name: "dueDate", legend: "Due date", hint: "For example, 31 3 2027" }));
    expect(html).toContain('<fieldset class="m-0 min-w-0 border-0 p-0" role="group" aria-describedby="dueDate-hint">');
    expect(html).toContain('<label class="govuk-label mb-[5px] block" for="dueDate">Day</label>');
    expect(html).toMatch(/<input id="dueDate" type="text" inputMode="numeric"[^>]*name="dueDate-day"/);
    expect(html).toMatch(/<input id="dueDate-month"[^>]*name="dueDate-month"/);
    expect(html).toMatch(/<input id="dueDate-year"[^>]*name="dueDate-year"/);
    expect(html).not.toContain('type="date"');
    expect(html).not.toContain("govuk-input--error");
  });

  it("marks only the missing box when a part is missing, and all three when the date is not real", () => {
    const dueDate = (error: string, defaultValue: { day: string; month: string; year: string }) =>
      renderToStaticMarkup(createElement(DateInput, { name: "dueDate", legend: "Due date", error, defaultValue }));
    const missingMonth = dueDate("The due date must include a month", { day: "1", month: "", year: "2027" });
    expect(missingMonth.match(/govuk-input--error/g)).toHaveLength(1);
    expect(missingMonth).toMatch(/id="dueDate-month"[^>]*aria-invalid="true"/);
    expect(missingMonth).toContain('<span class="govuk-visually-hidden">Error:</span> The due date must include a month');
    const notReal = dueDate("The due date must be a real date", { day: "30", month: "2", year: "2027" });
    expect(notReal.match(/govuk-input--error/g)).toHaveLength(3);
  });
});
