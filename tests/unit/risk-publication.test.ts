import { describe, expect, it } from "vitest";
import { judgementKnownFrom, knownInspections, latestPublishedPeriod, publishedOn } from "@/lib/risk/publication";
import { monthsBefore, monthsBetween } from "@/lib/risk/dates";

describe("publication dates", () => {
  it("workforce at 30 September Y is published by the end of February Y+1 (leap years included)", () => {
    expect(publishedOn("CSWW", 2023)).toBe("2024-02-29");
    expect(publishedOn("CSWW", 2024)).toBe("2025-02-28");
  });

  it("children in need, referrals and plans for the year to 31 March Y by the end of October Y", () => {
    expect(publishedOn("CIN", 2024)).toBe("2024-10-31");
    expect(publishedOn("REFERRALS", 2019)).toBe("2019-10-31");
    expect(publishedOn("CPP_SUBSEQUENT", 2021)).toBe("2021-10-31");
  });

  it("a period is known only strictly after its publication date", () => {
    expect(latestPublishedPeriod("CSWW", "2025-02-28")).toBe(2023);
    expect(latestPublishedPeriod("CSWW", "2025-03-01")).toBe(2024);
    expect(latestPublishedPeriod("CSWW", "2025-01-15")).toBe(2023);
    expect(latestPublishedPeriod("CIN", "2024-10-31")).toBe(2023);
    expect(latestPublishedPeriod("CIN", "2024-11-01")).toBe(2024);
    expect(latestPublishedPeriod("CIN", "2024-06-30")).toBe(2023);
  });

  it("an Ofsted judgement is known from its publication date (or 90 days after the inspection if none)", () => {
    expect(judgementKnownFrom({ inspectionDate: "2024-01-10", publicationDate: "2024-02-20" })).toBe("2024-02-20");
    expect(judgementKnownFrom({ inspectionDate: "2024-01-10", publicationDate: null })).toBe("2024-04-09");
    const list = [
      { inspectionDate: "2023-01-10", publicationDate: "2023-02-20" },
      { inspectionDate: "2019-05-01", publicationDate: "2019-06-20" },
    ];
    expect(knownInspections(list, "2023-02-20").map((i) => i.inspectionDate)).toEqual(["2019-05-01"]);
    expect(knownInspections(list, "2023-02-21").map((i) => i.inspectionDate)).toEqual(["2019-05-01", "2023-01-10"]);
  });

  it("counts whole months", () => {
    expect(monthsBetween("2023-03-01", "2024-03-01")).toBe(12);
    expect(monthsBetween("2023-03-01", "2024-02-29")).toBe(11);
    expect(monthsBetween("2023-11-01", "2023-11-30")).toBe(0);
  });
});

describe("monthsBefore", () => {
  it("is the same day so many months earlier, across years, as a comparable string", () => {
    expect(monthsBefore("2025-03-31", 12)).toBe("2024-03-31");
    expect(monthsBefore("2025-03-31", 1)).toBe("2025-02-31"); // need not exist: it orders between 2025-02-28 and 2025-03-01
    expect(monthsBefore("2025-01-15", 13)).toBe("2023-12-15");
    expect(monthsBefore("2025-01-15", 36)).toBe("2022-01-15");
    expect(monthsBefore("2025-01-15", 0)).toBe("2025-01-15");
  });
});
