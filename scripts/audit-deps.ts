// npm run audit:deps — the production dependency audit (issue 8): `npm audit --omit=dev --json`.
//
// - The advisory service answered: prints every high and critical advisory (package, range, title,
//   link, whether a fix is available) and the totals by severity; exits 1 if any are high or critical.
// - The advisory service could not be asked (on the project's development machines only the npm
//   registry's package endpoints are reachable, and `POST /-/npm/v1/security/advisories/bulk` answers
//   405): says so plainly — nothing was checked — lists the production tree's direct packages with
//   their installed versions and the registry's latest, and exits 2, so a script or CI job can never
//   mistake "could not check" for "clean". The manual review of those versions, and what it found, is
//   docs/decisions/0012-dependency-audit.md; re-do it when a version changes.
import { spawnSync } from "node:child_process";
import { projectRoot } from "../lib/core/db/embedded";

type Severity = "info" | "low" | "moderate" | "high" | "critical";
type AuditVia = { title?: string; url?: string; severity?: Severity; range?: string; source?: number; name?: string } | string;
type AuditReport = {
  auditReportVersion: number;
  vulnerabilities: Record<
    string,
    {
      name: string;
      severity: Severity;
      isDirect: boolean;
      range: string;
      via: AuditVia[];
      fixAvailable: boolean | { name: string; version: string; isSemVerMajor: boolean };
    }
  >;
  metadata: { vulnerabilities: Record<Severity | "total", number>; dependencies: { prod: number; total: number } };
};
type NpmLsNode = { version?: string; dependencies?: Record<string, NpmLsNode> };

function npm(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", args, { cwd: projectRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isReport(value: unknown): value is AuditReport {
  return typeof value === "object" && value !== null && "auditReportVersion" in value && "metadata" in value;
}

/** Why the audit could not run, from npm's JSON error (or its stderr when there is none). */
function failureReason(value: unknown, stderr: string): string {
  if (typeof value === "object" && value !== null) {
    const { message, error } = value as { message?: string; error?: { summary?: string } };
    if (message) return message;
    if (error?.summary) return error.summary;
  }
  return (
    stderr
      .split("\n")
      .find((line) => line.includes("npm error") || line.includes("npm warn audit"))
      ?.trim() ?? "no report and no error message"
  );
}

function countPackages(node: NpmLsNode, seen = new Set<string>()): number {
  for (const [name, child] of Object.entries(node.dependencies ?? {})) {
    const key = `${name}@${child.version ?? "?"}`;
    if (seen.has(key)) continue;
    seen.add(key);
    countPackages(child, seen);
  }
  return seen.size;
}

function listProductionTree() {
  const tree = parseJson(npm(["ls", "--omit=dev", "--all", "--json"]).stdout) as NpmLsNode | undefined;
  const direct = Object.entries(tree?.dependencies ?? {}).sort(([a], [b]) => a.localeCompare(b));
  // `npm outdated` asks the registry's package documents (reachable here) for each direct dependency.
  const outdated = (parseJson(npm(["outdated", "--omit=dev", "--json"]).stdout) ?? {}) as Record<string, { latest?: string }>;
  const width = Math.max(...direct.map(([name]) => name.length));
  console.log(
    `Production dependencies: ${direct.length} direct, ${tree ? countPackages(tree) : "?"} packages in the tree \`npm ls --omit=dev --all\` lists (it includes installed optional peers).`,
  );
  console.log(`${"package".padEnd(width)}  installed   latest in the registry`);
  for (const [name, node] of direct) {
    const latest = outdated[name]?.latest;
    console.log(
      `${name.padEnd(width)}  ${(node.version ?? "missing").padEnd(10)}  ${latest && latest !== node.version ? `${latest} (newer)` : "same"}`,
    );
  }
}

function main() {
  console.log("npm audit --omit=dev --json …");
  const audit = npm(["audit", "--omit=dev", "--json"]);
  const parsed = parseJson(audit.stdout);

  if (!isReport(parsed)) {
    console.log(
      `\nThe audit did NOT run: npm could not get an answer from the registry's advisory service (${failureReason(parsed, audit.stderr)}).` +
        "\nNothing has been checked against the advisory database by this command." +
        "\nThe manual review of the versions below is docs/decisions/0012-dependency-audit.md; re-do it, or run this script where the advisory service is reachable, whenever a version changes.\n",
    );
    listProductionTree();
    process.exit(2);
  }

  const { metadata, vulnerabilities } = parsed;
  const totals = metadata.vulnerabilities;
  console.log(
    `\nAudited ${metadata.dependencies.prod} production packages: ${totals.critical} critical, ${totals.high} high, ${totals.moderate} moderate, ${totals.low} low, ${totals.info} info.`,
  );
  const serious = Object.values(vulnerabilities).filter((v) => v.severity === "high" || v.severity === "critical");
  for (const v of serious) {
    const advisories = v.via.filter((via): via is Exclude<AuditVia, string> => typeof via === "object");
    const fix =
      v.fixAvailable === true
        ? "fix available (npm audit fix)"
        : v.fixAvailable
          ? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? " (major)" : ""}`
          : "no fix available";
    console.log(
      `\n${v.severity.toUpperCase()} ${v.name} ${v.range}${v.isDirect ? " (direct)" : ` (through ${v.via.filter((via) => typeof via === "string").join(", ") || "a dependency"})`} — ${fix}`,
    );
    for (const a of advisories) console.log(`  ${a.severity ?? ""} ${a.title ?? ""} ${a.url ?? ""}`.trimEnd());
  }
  if (serious.length > 0) {
    console.error(
      `\n${serious.length} production package(s) with high or critical advisories: upgrade, or justify each in a decision record.`,
    );
    process.exit(1);
  }
  console.log("No high or critical advisories in the production dependencies.");
}

main();
