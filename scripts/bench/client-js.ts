// First-load client JavaScript of a page, gzipped: every /_next/static script the HTML references,
// fetched from the running server and compressed at gzip level 9 (what a CDN would serve). Chunks
// loaded later on demand (the recharts charts, after the page has rendered) and the legacy
// `noModule` polyfills are not counted.
import zlib from "node:zlib";

export async function firstLoadJsGzipBytes(base: string, path: string, cookie?: string): Promise<{ scripts: number; gzipBytes: number }> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const html = await (await fetch(`${base}${path}`, { headers })).text();
  // `noModule` scripts (legacy polyfills) are never loaded by the browsers that run ES modules.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\snoModule/i.test(tag));
  const sources = [
    ...new Set(tags.map((tag) => /\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(tag)?.[1]).filter((s): s is string => Boolean(s))),
  ];
  let gzipBytes = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { scripts: sources.length, gzipBytes };
}
