// A stored page compressed once, served gzipped many times with different values in its slots (the
// CSP nonce, the viewer's name). Compressing a 550 kB dashboard at gzip level 6 costs 8–20 ms of CPU
// on this machine; every cache hit paid it, because each copy has a fresh nonce. Instead each fixed
// part of the page is compressed once, when it is first served again (decision 0036), as raw deflate ending on a byte boundary
// (zlib's sync flush). A copy is then those parts with each slot's value between them as a "stored"
// (uncompressed) deflate block, one empty final block, and the gzip trailer: the CRC-32 of the whole
// copy (~0.1 ms) and its length. This is how pigz joins independently compressed blocks (RFC 1951
// §3.2.4 stored blocks; RFC 1952 members); each part's compressor starts afresh, so no part refers
// back into another. Tested by gunzipping the result (tests/unit/gzip-parts.test.ts).
import zlib from "node:zlib";

/** gzip member header: magic, deflate, no flags, no time, no extra flags, OS "unknown". */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed Huffman codes (BFINAL=1, BTYPE=01, end-of-block). */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** Largest payload of one stored block. */
const STORED_MAX = 0xffff;

/**
 * One fixed part as raw deflate that ends on a byte boundary and is not final. Compressed on the
 * calling thread: with one server process per core (decision 0033) there is no idle core for libuv's
 * threads, and zlib's asynchronous API cost 6.3–6.7 ms of CPU for a 550 kB dashboard in 23 parts against
 * 4.1–4.4 ms done here (measured 7 Dec 2026), a quarter to a third of a miss's render.
 */
export function deflatePart(part: Buffer, level = 6): Buffer {
  // Nothing to write for an empty part (zlib would end the stream there with a final block).
  if (part.length === 0) return Buffer.alloc(0);
  return zlib.deflateRawSync(part, { level, finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** `value` as stored (uncompressed) deflate blocks, not final; the stream is byte-aligned before and after. */
export function storedBlocks(value: Buffer): Buffer[] {
  const blocks: Buffer[] = [];
  for (let at = 0; at < value.length; at += STORED_MAX) {
    const chunk = value.subarray(at, Math.min(value.length, at + STORED_MAX));
    const head = Buffer.alloc(5);
    head[0] = 0; // BFINAL=0, BTYPE=00; the rest of the byte is padding
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(head, chunk);
  }
  return blocks;
}

/**
 * The gzip of `raw` (the copy's bytes in order: parts and slot values alternating), given each fixed
 * part already deflated (`deflated[i]` is `raw[2 * i]` deflated by deflatePart).
 */
export function gzipFromParts(raw: readonly Buffer[], deflated: readonly Buffer[]): Buffer {
  if (deflated.length !== Math.ceil(raw.length / 2)) throw new Error("gzipFromParts: one deflated part for each fixed part");
  const out: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  raw.forEach((bytes, i) => {
    crc = zlib.crc32(bytes, crc);
    length += bytes.length;
    if (i % 2 === 0) out.push(deflated[i / 2]!);
    else out.push(...storedBlocks(bytes));
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  out.push(FINAL_BLOCK, trailer);
  return Buffer.concat(out);
}
