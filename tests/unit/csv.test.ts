import { describe, expect, it } from "vitest";
import { csvDocument, csvField, csvResponse } from "@/lib/core/csv";

describe("the one CSV writer", () => {
  it.each([
    ['say "hi", ok', '"say ""hi"", ok"'],
    ["two\nlines", '"two\nlines"'],
    ["plain", "plain"],
    [null, ""],
    [undefined, ""],
  ] as const)("quotes fields with commas, quotes and line breaks (RFC 4180): %j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const formula of ["=HYPERLINK(1)", "+cmd", "-1+1", "-cmd", "@SUM(A1)", "\tx", "\rx"])
      expect(csvField(formula), formula).toBe(formula.includes("\r") ? `"'${formula}"` : `'${formula}`);
  });

  it.each([
    [-3, "-3"],
    ["-1.5", "-1.5"],
    ["-.5", "-.5"],
    ["1e3", "1e3"],
    ["c", "c"],
    ["low", "low"],
  ] as const)("leaves numbers and plain numeric text alone, and markers as letters: %j → %j", (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it("writes CRLF lines ending in CRLF", () => {
    expect(
      csvDocument([
        ["a", "b"],
        ["1", null],
      ]),
    ).toBe("a,b\r\n1,\r\n");
  });

  it("answers every download the same way: an attachment, text/csv in UTF-8, kept by no cache; a byte-order mark only when asked", async () => {
    const plain = csvResponse("a\r\n", "x.csv");
    expect(plain.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(plain.headers.get("content-disposition")).toBe('attachment; filename="x.csv"');
    expect(plain.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await plain.arrayBuffer())[0]).toBe(0x61);
    const bytes = new Uint8Array(await csvResponse("a\r\n", "x.csv", { bom: true }).arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
  });
});
