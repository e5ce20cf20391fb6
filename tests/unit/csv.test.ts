import { describe, expect, it } from "vitest";
import { csvDocument, csvField, csvResponse } from "@/lib/core/csv";

describe("the one CSV writer", () => {
  it("quotes fields with commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });

  it("neutralises text a spreadsheet would run as a formula", () => {
    for (const formula of ["=HYPERLINK(1)", "+cmd", "-1+1", "-cmd", "@SUM(A1)", "\tx", "\rx"])
      expect(csvField(formula), formula).toBe(formula.includes("\r") ? `"'${formula}"` : `'${formula}`);
  });

  it("leaves numbers and plain numeric text alone, and markers as letters", () => {
    expect(csvField(-3)).toBe("-3");
    expect(csvField("-1.5")).toBe("-1.5");
    expect(csvField("-.5")).toBe("-.5");
    expect(csvField("1e3")).toBe("1e3");
    expect(csvField("c")).toBe("c");
    expect(csvField("low")).toBe("low");
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
