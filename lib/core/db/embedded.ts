// The embedded default database: a real PostgreSQL server owned by the project, with its data
// under the git-ignored .data/ folder, listening on loopback TCP only. Used when DATABASE_URL is
// not set. See docs/decisions/0001-embedded-postgresql.md.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_SUPERUSER, embeddedPort, embeddedUrl } from "./url";

export const projectRoot = path.resolve(import.meta.dirname, "../../..");
export const embeddedDir = path.join(projectRoot, ".data", "pg");
const superuser = EMBEDDED_SUPERUSER;
export { embeddedPort, embeddedUrl };

function findPgBin(): string {
  const candidates: string[] = [];
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    /* pg_config absent: look in Debian's layout */
  }
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, "bin"));
  }
  const bin = candidates.find((dir) => fs.existsSync(path.join(dir, "initdb")) && fs.existsSync(path.join(dir, "pg_ctl")));
  if (!bin) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `apt-get install -y postgresql` " +
        "or set DATABASE_URL to an existing PostgreSQL database.",
    );
  }
  return bin;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** PostgreSQL refuses to run as root; when we are root, run its programs as the `postgres` user. */
function runPg(bin: string, program: string, args: string[]): { status: number | null; output: string } {
  const exe = path.join(bin, program);
  const result = isRoot
    ? spawnSync("runuser", ["-u", "postgres", "--", exe, ...args], { encoding: "utf8" })
    : spawnSync(exe, args, { encoding: "utf8" });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

function ensureOwnedByPostgres(dir: string) {
  if (!isRoot) return;
  execFileSync("chown", ["-R", "postgres:postgres", dir]);
}

/** Initialise (first time) and start the embedded server. Idempotent. */
export async function startEmbedded(log: (msg: string) => void = console.log): Promise<void> {
  const bin = findPgBin();
  fs.mkdirSync(path.dirname(embeddedDir), { recursive: true });
  if (!fs.existsSync(path.join(embeddedDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${path.relative(projectRoot, embeddedDir)} …`);
    fs.mkdirSync(embeddedDir, { recursive: true, mode: 0o700 });
    ensureOwnedByPostgres(path.dirname(embeddedDir));
    const init = runPg(bin, "initdb", ["-D", embeddedDir, "-U", superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
    if (init.status !== 0) throw new Error(`initdb failed:\n${init.output}`);
  }
  if (runPg(bin, "pg_ctl", ["status", "-D", embeddedDir]).status === 0) return;
  ensureOwnedByPostgres(path.dirname(embeddedDir));
  const options = [
    `-p ${embeddedPort}`,
    "-c listen_addresses=127.0.0.1",
    "-c unix_socket_directories=''",
    "-c synchronous_commit=off",
    "-c max_connections=200",
    "-c shared_buffers=256MB",
  ].join(" ");
  const logFile = path.join(path.dirname(embeddedDir), "postgres.log");
  const start = runPg(bin, "pg_ctl", ["start", "-w", "-t", "60", "-D", embeddedDir, "-l", logFile, "-o", options]);
  if (start.status !== 0) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    const portHint = /Address already in use/.test(tail)
      ? `\nPort ${embeddedPort} is taken (another checkout's embedded database?). Stop it, or choose another port with EMBEDDED_PG_PORT=…`
      : "";
    throw new Error(`Could not start embedded PostgreSQL on port ${embeddedPort}:\n${start.output}\n${tail}${portHint}`);
  }
  log(`Embedded PostgreSQL running on 127.0.0.1:${embeddedPort}`);
}

export function stopEmbedded(mode: "fast" | "immediate" = "fast"): void {
  if (!fs.existsSync(path.join(embeddedDir, "PG_VERSION"))) return;
  runPg(findPgBin(), "pg_ctl", ["stop", "-D", embeddedDir, "-m", mode, "-w"]);
}

/** Create the database if it does not exist yet (connects to the maintenance db of the same server). */
export async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  const admin = new URL(databaseUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
