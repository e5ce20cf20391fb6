// Times in the admin pages are UK time to the second, whatever the server's own time zone.
import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/auth/format-time";
import { formatDate } from "@/lib/core/values";

describe("formatDateTime", () => {
  it("writes UK time: GMT in winter, BST in summer, with the seconds", () => {
    expect(formatDateTime(new Date("2026-01-15T09:05:07Z"))).toBe("15 Jan 2026, 09:05:07");
    expect(formatDateTime(new Date("2026-07-01T12:34:56Z"))).toBe("1 Jul 2026, 13:34:56");
    // 23:30 UTC on 31 March 2026 is already 1 April in England (BST)
    expect(formatDateTime(new Date("2026-03-31T23:30:00Z"))).toBe("1 Apr 2026, 00:30:00");
    expect(formatDateTime(null)).toBe("–");
  });
});

describe("formatDate", () => {
  it("writes the UTC calendar day in words", () => {
    expect(formatDate(new Date("2025-03-31T00:00:00Z"))).toBe("31 March 2025");
    expect(formatDate(null)).toBe("–");
  });
});
