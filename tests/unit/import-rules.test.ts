// Import rules checked over the source tree: two that keep the browser's work down (decision 0013) —
// links are the plain-anchor `Link` (decision 0032), and client components do not pull zod in — and one that
// keeps the importer free of the parts that act on its results (they register after-import hooks).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isSharedPage } from "@/lib/page-cache/scopes";

const root = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(rel);
    return /\.(ts|tsx)$/.test(entry.name) ? [rel] : [];
  });
}

const files = [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib")].map((rel) => ({
  rel,
  text: fs.readFileSync(path.join(root, rel), "utf8"),
}));
const isClient = (text: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(text);
/** Module specifiers a file imports at run time (`import type` is erased and does not count). */
const runtimeImports = (text: string) => [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+["']([^"']+)["']/gms)].map((m) => m[1]!);

describe("import rules", () => {
  it("finds the source tree", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => isClient(f.text)).length).toBeGreaterThan(10);
  });

  it("imports next/link nowhere: links are the plain-anchor Link (decision 0032)", () => {
    const offenders = files.filter((f) => runtimeImports(f.text).includes("next/link"));
    expect(offenders.map((f) => f.rel)).toEqual([]);
  });

  it("keeps zod out of client components and what they import from lib/validation", () => {
    const zodModules = new Set(files.filter((f) => runtimeImports(f.text).includes("zod")).map((f) => f.rel.replace(/\.tsx?$/, "")));
    expect(zodModules.size).toBeGreaterThan(3);
    const offenders = files
      .filter((f) => isClient(f.text))
      .flatMap((f) =>
        runtimeImports(f.text)
          .filter((spec) => spec === "zod" || (spec.startsWith("@/") && zodModules.has(spec.slice(2))))
          .map((spec) => `${f.rel} imports ${spec}`),
      );
    expect(offenders).toEqual([]);
  });

  it("keeps lib/import free of lib/triage: triage acts on an import through an after-import hook", () => {
    const importer = files.filter((f) => f.rel.startsWith(path.join("lib", "import") + path.sep));
    expect(importer.length).toBeGreaterThan(10);
    const offenders = importer.filter((f) => /from\s+["'](@\/lib\/triage|(\.\.\/)+triage)\b/.test(f.text)).map((f) => f.rel);
    expect(offenders).toEqual([]);
    // …and the triage hook is registered where imports are run
    const hooks = files.find((f) => f.rel === path.join("lib", "import-hooks.ts"));
    expect(hooks?.text).toContain('import "@/lib/triage/import-hook"');
  });
});

describe("pages shared between everyone with the same access (decision 0031)", () => {
  // A page kept once per access must not show or decide by the person themselves: only the account bar's
  // name, filled in per viewer. Every place in app/ or components/ that reads a signed-in person's id,
  // name or email must be on a page the page cache never shares: a personal page, or one it never keeps.
  const PERSONAL_READ = /\b(user|viewer|currentUser)\??\.(id|name|email)\b/;
  const NOT_SHARED: Record<string, string> = {
    [path.join("app", "la", "[code]", "plan", "page.tsx")]: "/la/330/plan",
    [path.join("app", "sign-out", "page.tsx")]: "/sign-out",
  };

  it("reads the person only on pages that are not shared", () => {
    const readers = files
      .filter((f) => f.rel.startsWith("app") || f.rel.startsWith("components"))
      .filter((f) => !f.rel.startsWith(path.join("app", "admin")))
      .filter((f) => PERSONAL_READ.test(f.text))
      .map((f) => f.rel);
    expect(readers.sort()).toEqual(Object.keys(NOT_SHARED).sort());
    for (const page of [...Object.values(NOT_SHARED), "/admin/users", "/admin/audit"]) expect(isSharedPage(page), page).toBe(false);
    expect(isSharedPage("/la/330")).toBe(true);
  });
});
