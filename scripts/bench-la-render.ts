// npm run bench:la-render — what an LA dashboard costs to render when nothing is cached (issue 19,
// item 4: "measure the render alone"). Against one production server with the page cache off
// (PAGE_CACHE=off: Next.js renders every request), one request at a time, so queueing is not measured:
//
//  - the first request after a start (the figures snapshot and the risk engine loaded, one dashboard built);
//  - the first view of each of BENCH_RENDER_LAS other LAs (the dashboard built from the in-memory snapshot
//    (decision 0006), then rendered) against a repeat of the same URL (the built dashboard is kept in
//    memory, so this is the render alone — React, the layout's session read, the markup);
//  - where the bytes go: the whole HTML, the React Server Components payload inside it (the
//    `self.__next_f.push` scripts, which carry the page again for hydration), and the markup of each
//    section of the page, with how much of each section's visible text also travels in the payload.
// Results: bench-results/la-render.json, with the load average (other work on the machine skews it).
// Needs the benchmark database of `npm run bench` (csc_bench; made here if missing) and a production build.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { now } from "../lib/core/clock";
import { projectRoot } from "../lib/core/db/embedded";
import { currentLaNumbers, prepareBenchDatabase } from "./bench/fixtures";
import { percentile, round } from "./bench/load";
import { buildForProduction, startAppServer } from "./bench/server";

const PORT = Number(process.env.BENCH_PORT ?? 3198);
const LAS = Number(process.env.BENCH_RENDER_LAS ?? 20);
const REPEATS = Number(process.env.BENCH_RENDER_REPEATS ?? 5);

async function timed(base: string, p: string): Promise<{ ms: number; html: string }> {
  const started = performance.now();
  const res = await fetch(`${base}${p}`);
  const html = await res.text();
  if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  return { ms: performance.now() - started, html };
}

const median = (values: number[]) =>
  round(
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    ),
  );
const kB = (bytes: number) => round(bytes / 1024);

/** The RSC payload scripts' contents, unescaped as far as text comparison needs. */
function payloadOf(html: string): string {
  const chunks = [...html.matchAll(/<script[^>]*>self\.__next_f\.push\(([\s\S]*?)\)<\/script>/g)].map((m) => m[1]!);
  return chunks.join("\n");
}

/** Visible text runs of some markup (tags dropped, entities left), for "does this text travel twice?". */
function textRuns(markup: string): string[] {
  return markup
    .replace(/<script[\s\S]*?<\/script>/g, " ")
    .replace(/<style[\s\S]*?<\/style>/g, " ")
    .split(/<[^>]+>/)
    .map((s) => s.trim())
    .filter((s) => s.length >= 4);
}

function sections(html: string): { id: string; bytes: number; textBytes: number; textAlsoInPayload: number }[] {
  const payload = payloadOf(html);
  const body = html.replace(/<script[\s\S]*?<\/script>/g, "");
  const ids = ["summary", "charts", "ofsted", "neighbours", "definitions"];
  const out = [];
  for (const id of ids) {
    const start = body.indexOf(`id="${id}"`);
    if (start < 0) continue;
    const open = body.lastIndexOf("<section", start);
    const close = body.indexOf("</section>", start);
    const markup = body.slice(open, close + "</section>".length);
    const runs = textRuns(markup);
    const textBytes = runs.reduce((n, r) => n + Buffer.byteLength(r), 0);
    const twice = runs.filter((r) => payload.includes(r.replace(/"/g, '\\"'))).reduce((n, r) => n + Buffer.byteLength(r), 0);
    out.push({ id, bytes: Buffer.byteLength(markup), textBytes, textAlsoInPayload: twice });
  }
  return out;
}

async function main() {
  const loadAtStart = os.loadavg().map((n) => Number(n.toFixed(2)));
  const db = await prepareBenchDatabase(process.env.BENCH_LA ?? "202");
  const laNumbers = (await currentLaNumbers(db.url)).filter((la) => la !== "330");
  buildForProduction();
  const server = await startAppServer({ port: PORT, databaseUrl: db.url, pageCache: false });
  try {
    const first = await timed(server.base, "/la/330");
    const step = Math.max(1, Math.floor(laNumbers.length / LAS));
    const sample = laNumbers.filter((_, i) => i % step === 0).slice(0, LAS);
    const cold: number[] = [];
    const warm: number[] = [];
    for (const la of sample) {
      cold.push((await timed(server.base, `/la/${la}`)).ms);
      for (let i = 0; i < REPEATS; i++) warm.push((await timed(server.base, `/la/${la}`)).ms);
    }
    const page = (await timed(server.base, "/la/330")).html;
    const payload = payloadOf(page);
    const scripts = [...page.matchAll(/<script[\s\S]*?<\/script>/g)].reduce((n, m) => n + Buffer.byteLength(m[0]), 0);
    const result = {
      when: now().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? "cpu"}, Node ${process.version}`,
      loadAverageAtStart: loadAtStart,
      loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
      firstRequestAfterStartMs: round(first.ms),
      firstViewOfAnLa: {
        medianMs: median(cold),
        p95Ms: round(
          percentile(
            [...cold].sort((a, b) => a - b),
            95,
          ),
        ),
        n: cold.length,
      },
      renderAloneRepeatView: {
        medianMs: median(warm),
        p95Ms: round(
          percentile(
            [...warm].sort((a, b) => a - b),
            95,
          ),
        ),
        n: warm.length,
      },
      la330: {
        htmlKB: kB(Buffer.byteLength(page)),
        rscPayloadKB: kB(Buffer.byteLength(payload)),
        allScriptsKB: kB(scripts),
        markupKB: kB(Buffer.byteLength(page) - scripts),
        sections: sections(page).map((s) => ({
          id: s.id,
          markupKB: kB(s.bytes),
          textKB: kB(s.textBytes),
          textAlsoInPayloadKB: kB(s.textAlsoInPayload),
        })),
      },
    };
    fs.mkdirSync(path.join(projectRoot, "bench-results"), { recursive: true });
    fs.writeFileSync(path.join(projectRoot, "bench-results/la-render.json"), JSON.stringify(result, null, 2));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
