// First-load client JavaScript of a page, gzipped: every /_next/static script the HTML references,
// fetched from the running server and compressed at gzip level 9 (what a CDN would serve). Chunks
// loaded later on demand (the recharts charts, after the page has rendered) are not counted.
import zlib from "node:zlib";

export async function firstLoadJsGzipBytes(base: string, path: string, cookie?: string): Promise<{ scripts: number; gzipBytes: number }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = await (await fetch(`${base}${path}`, { headers })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1]!))];
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, gzipBytes };
}
