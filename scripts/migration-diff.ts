// npm run db:diff -- <migration_name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the database
// (as described by the schema snapshot kept beside the last migration) to prisma/schema.prisma.
// Prisma 7's CLI needs a native schema engine that cannot be downloaded here, so this uses
// Prisma 6.19's WASM engine in a private cache folder (docs/decisions/0002-prisma-under-this-toolchain.md).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { embeddedUrl, projectRoot, startEmbedded } from "../lib/core/db/embedded";
import { readMigrations } from "../lib/core/db/migrate";
import { now } from "../lib/core/clock";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:diff -- <migration_name in snake_case>");
  process.exit(2);
}

const cache = path.join(projectRoot, "node_modules/.cache/prisma6");
if (!fs.existsSync(path.join(cache, "node_modules/prisma"))) {
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(path.join(cache, "package.json"), '{"name":"prisma6-cache","private":true}');
  execFileSync("npm", ["install", "--ignore-scripts", "--no-save", "prisma@6.19", "@prisma/adapter-pg@7.10.1", "pg@8.23"], {
    cwd: cache,
    stdio: "inherit",
  });
}

// Prisma 6 syntax: url in the datasource, client-engine generator.
const currentSchema = fs.readFileSync(path.join(projectRoot, "prisma/schema.prisma"), "utf8");
const toPrisma6 = (text: string) =>
  text
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client-js"\n  engineType = "client"')
    .replace(/^\s*(output|moduleFormat)\s*=.*$/gm, "")
    .replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url = env("DATABASE_URL")');
fs.writeFileSync(path.join(cache, "schema.prisma"), toPrisma6(currentSchema));
fs.writeFileSync(
  path.join(cache, "prisma.config.ts"),
  `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
});
`,
);

// The WASM engine opens a connection through the adapter even for a schema-to-schema diff.
await startEmbedded();
const migrationsDir = path.join(projectRoot, "prisma/migrations");
const last = readMigrations(migrationsDir).at(-1);
let from: string[] = ["--from-empty"];
if (last) {
  const snapshot = path.join(migrationsDir, last.name, "schema.prisma");
  if (!fs.existsSync(snapshot)) throw new Error(`${snapshot} is missing: every migration keeps the schema it produces.`);
  fs.writeFileSync(path.join(cache, "previous.prisma"), toPrisma6(fs.readFileSync(snapshot, "utf8")));
  from = ["--from-schema-datamodel", "previous.prisma"];
}
const sql = execFileSync(
  path.join(cache, "node_modules/prisma/build/index.js"),
  ["migrate", "diff", ...from, "--to-schema-datamodel", "schema.prisma", "--script"],
  { cwd: cache, encoding: "utf8", env: { ...process.env, DATABASE_URL: embeddedUrl("postgres") } },
);
if (/^-- This is an empty migration\.?\s*$/m.test(sql) || sql.trim() === "") {
  console.log("Schema and migrations agree: nothing to write.");
  process.exit(0);
}
const stamp = now().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join(projectRoot, "prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.writeFileSync(path.join(dir, "schema.prisma"), currentSchema);
console.log(`Wrote ${path.relative(projectRoot, dir)}/migration.sql — review it, add any CHECK constraints by hand.`);
process.exit(0);
