// Shared by the HTTP benchmarks (bench, bench-scale, bench-faults): wait for the app server
// and run an autocannon load against a list of paths, recording every response's latency
// so p50/p95/p99 are exact rather than bucketed.
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";

export type LoadRun = {
  label: string;
  requests: number;
  errors: number;
  non2xx: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  reqPerSec: number;
  seconds: number;
};

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const round = (n: number) => Math.round(n * 10) / 10;

export async function waitForServer(server: ChildProcess, base: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/about/data`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer on ${base} within 60 s`);
}

export function loadTest(options: {
  base: string;
  label: string;
  paths: string[];
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadRun> {
  const { base, label, paths, connections, seconds, headers } = options;
  const latencies: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections,
        duration: seconds,
        ...(headers ? { headers } : {}),
        requests: paths.map((p) => ({ method: "GET", path: p })),
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const sorted = latencies.sort((a, b) => a - b);
        resolve({
          label,
          requests: sorted.length,
          errors: result.errors + result.timeouts,
          non2xx,
          p50: round(percentile(sorted, 50)),
          p95: round(percentile(sorted, 95)),
          p99: round(percentile(sorted, 99)),
          max: round(sorted.at(-1) ?? Number.NaN),
          mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
          reqPerSec: round(sorted.length / seconds),
          seconds,
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode < 200 || statusCode > 299) non2xx++;
    });
  });
}
