// Which data-version scopes each cached page keys on (lib/page-cache/scopes.ts, decision 0029).
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { classifyRequest } from "@/lib/page-cache/policy";
import { pageScopes, PAGES, scopesToRead, versionKey } from "@/lib/page-cache/scopes";

const anonymous = null;
const dcs393: Actor = { id: "d", role: "dcs", laNumber: "393" };
const manager393: Actor = { id: "m", role: "team_manager", laNumber: "393" };
const manager330: Actor = { id: "m2", role: "team_manager", laNumber: "330" };
const analyst: Actor = { id: "a", role: "dfe_analyst", laNumber: null };
const admin: Actor = { id: "x", role: "admin", laNumber: null };

describe("page scopes", () => {
  it("keys an LA's dashboard on the figures for everyone, its plan for those who may see it, its triage for analysts", () => {
    expect(pageScopes("/la/393", anonymous)).toEqual(["figures"]);
    expect(pageScopes("/la/393", admin)).toEqual(["figures"]);
    expect(pageScopes("/la/393", manager330)).toEqual(["figures"]);
    expect(pageScopes("/la/393", dcs393)).toEqual(["figures", "plans:393"]);
    expect(pageScopes("/la/393", manager393)).toEqual(["figures", "plans:393"]);
    expect(pageScopes("/la/393", analyst)).toEqual(["figures", "plans:393", "triage:393"]);
  });

  it("keys plan pages on their LA's plan, the figures and the people", () => {
    for (const viewer of [dcs393, manager393, analyst])
      expect(pageScopes("/la/393/plan", viewer)).toEqual(["figures", "users", "plans:393"]);
  });

  it("keys the inbox on every LA's triage, one LA's risk page on its own, and public pages on the figures", () => {
    expect(pageScopes("/risk", analyst)).toEqual(["figures", "triage"]);
    expect(pageScopes("/risk/la/330", analyst)).toEqual(["figures", "triage:330"]);
    expect(pageScopes("/risk/la/393", dcs393)).toEqual(["figures"]);
    for (const path of ["/", "/risk/method", "/about/data"]) expect(pageScopes(path, anonymous)).toEqual(["figures"]);
  });

  it("keys anything else — an LA named other than by its number, an unknown page — on `all`", () => {
    expect(pageScopes("/la/E08000023", analyst)).toEqual(["all"]);
    expect(pageScopes("/la/e08000023/plan", manager393)).toEqual(["all"]);
    expect(pageScopes("/risk/la/3930", analyst)).toEqual(["all"]);
    expect(pageScopes("/admin/users", admin)).toEqual(["all"]);
  });

  it("reads, before it knows the viewer, every scope any viewer's key needs", () => {
    const viewers = [anonymous, dcs393, manager393, manager330, analyst, admin];
    for (const path of [
      "/",
      "/la/393",
      "/la/330",
      "/la/393/plan",
      "/risk",
      "/risk/la/393",
      "/risk/method",
      "/about/data",
      "/la/E08000023",
    ]) {
      const read = scopesToRead(path);
      for (const viewer of viewers) for (const scope of pageScopes(path, viewer)) expect(read).toContain(scope);
    }
    expect(scopesToRead("/la/393")).toEqual(["figures", "plans:393", "triage:393"]);
  });

  it("caches exactly the pages it has scopes for", () => {
    const cacheable = ["/", "/la/393", "/la/393/plan", "/risk", "/risk/method", "/risk/la/393", "/about/data"];
    for (const url of cacheable) expect(classifyRequest({ method: "GET", url, headers: {} })).not.toHaveProperty("bypass");
    expect(PAGES.filter((page) => cacheable.some((url) => page.path.test(url)))).toHaveLength(PAGES.length);
    expect(classifyRequest({ method: "GET", url: "/la/393/plan/report", headers: {} })).toEqual({ bypass: "path" });
  });

  it("makes the data part of the key from each scope's version, in one order, a missing scope at 0", () => {
    const versions = { figures: "12", "plans:393": "4" };
    expect(versionKey(["plans:393", "figures"], versions)).toBe("figures=12;plans:393=4");
    expect(versionKey(["figures", "plans:393"], versions)).toBe(versionKey(["plans:393", "figures"], versions));
    expect(versionKey(["figures", "triage:393"], versions)).toBe("figures=12;triage:393=0");
    expect(versionKey(["figures"], { ...versions, "plans:393": "5" })).toBe(versionKey(["figures"], versions));
    expect(versionKey(["figures"], { ...versions, figures: "13" })).not.toBe(versionKey(["figures"], versions));
  });
});
