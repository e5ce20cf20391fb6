// The one clock (lib/core/clock.ts): "today" is the calendar date in England, in GMT and in BST,
// whatever the time zone this process runs in (the suite is also run with TZ set elsewhere).
import { describe, expect, it } from "vitest";
import { currentYear, now, today } from "@/lib/core/clock";

describe("today() is the date in England", () => {
  it.each([
    // BST (UTC+1): from 23:00 UTC it is already tomorrow in London
    ["2026-06-30T22:59:59Z", "2026-06-30"],
    ["2026-06-30T23:00:00Z", "2026-07-01"],
    ["2026-06-30T23:30:00Z", "2026-07-01"],
    // GMT (UTC+0): London and UTC agree
    ["2026-12-31T23:30:00Z", "2026-12-31"],
    ["2027-01-01T00:00:00Z", "2027-01-01"],
    // the changes of clock: BST starts 01:00 UTC on 29 March 2026, ends 01:00 UTC on 25 October 2026
    ["2026-03-29T00:30:00Z", "2026-03-29"],
    ["2026-03-28T23:30:00Z", "2026-03-28"],
    ["2026-10-24T23:30:00Z", "2026-10-25"],
    ["2026-10-25T23:30:00Z", "2026-10-25"],
    // a leap day
    ["2028-02-29T00:00:00Z", "2028-02-29"],
  ])("at %s it is %s", (instant, date) => {
    expect(today(new Date(instant))).toBe(date);
  });

  it("rolls the year over at London's midnight, not the server's", () => {
    expect(currentYear(new Date("2026-12-31T23:59:59Z"))).toBe(2026);
    expect(currentYear(new Date("2027-01-01T00:00:00Z"))).toBe(2027);
  });

  it("defaults to now", () => {
    const before = today(new Date(Date.now() - 1000));
    const after = today(new Date(Date.now() + 1000));
    expect([before, after]).toContain(today());
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
