// Runs `prisma generate` without the native schema engine (it is never executed by generate,
// but the CLI insists the file exists). See docs/decisions/0002-prisma-under-this-toolchain.md.
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
execFileSync(path.join(root, "node_modules/.bin/prisma"), ["generate"], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "scripts/bin/no-schema-engine.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
