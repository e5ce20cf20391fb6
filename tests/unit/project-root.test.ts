// The embedded database and the scripts find the project by a path relative to lib/core/db: moving
// that file once put .data/ under lib/. The root is where package.json is.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { embeddedDir, projectRoot } from "@/lib/core/db/embedded";

describe("projectRoot", () => {
  it("is the folder that holds package.json, and the embedded database lives in its .data/", () => {
    expect(fs.existsSync(path.join(projectRoot, "package.json"))).toBe(true);
    expect(fs.existsSync(path.join(projectRoot, "lib", "core"))).toBe(true);
    expect(embeddedDir).toBe(path.join(projectRoot, ".data", "pg"));
  });
});
