// A stored page's copies gzipped from parts compressed once (lib/page-cache/gzip-parts.ts): whatever
// the slots hold, the result must gunzip to exactly the copy, as a browser would read it.
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { deflatePart, gzipFromParts, storedBlocks } from "@/lib/page-cache/gzip-parts";

const page = (n: number) => Buffer.from(`<tr><td class="govuk-table__cell">${"Row ".repeat(n)}</td></tr>\n`.repeat(n), "utf8");

describe("gzip from parts compressed once", () => {
  it("gunzips to the parts joined, with any values in the slots", () => {
    const fixed = [page(40), page(3), Buffer.alloc(0), page(200), Buffer.alloc(0)];
    const deflated = fixed.map((p) => deflatePart(p));
    for (const values of [
      ["nonce-one", "Dana Director", "nonce-one", "last"],
      ["", "a name with “quotes” & ünïcödé", "x".repeat(70_000), ""],
    ]) {
      const raw = fixed.flatMap((part, i) => (i < values.length ? [part, Buffer.from(values[i]!, "utf8")] : [part]));
      const gz = gzipFromParts(raw, deflated);
      expect(zlib.gunzipSync(gz).equals(Buffer.concat(raw))).toBe(true);
      // far smaller than the copy: the fixed parts are compressed
      expect(gz.length).toBeLessThan(Buffer.concat(raw).length / 2 + values.join("").length);
    }
  });

  it("refuses parts that do not match their compressed forms in number", () => {
    const deflated = [deflatePart(page(2))];
    expect(() => gzipFromParts([page(2), Buffer.from("x"), page(2)], deflated)).toThrow(/one deflated part for each fixed part/);
  });

  it("splits a long value into stored blocks of at most 65,535 bytes, each with its length and its complement", () => {
    const blocks = storedBlocks(Buffer.alloc(70_000, 97));
    expect(blocks).toHaveLength(4);
    expect(blocks[0]!.readUInt16LE(1)).toBe(65_535);
    expect(blocks[0]!.readUInt16LE(3)).toBe(0);
    expect(blocks[2]!.readUInt16LE(1)).toBe(70_000 - 65_535);
    expect(blocks[2]!.readUInt16LE(3)).toBe(~(70_000 - 65_535) & 0xffff);
    expect(storedBlocks(Buffer.alloc(0))).toEqual([]);
  });
});
