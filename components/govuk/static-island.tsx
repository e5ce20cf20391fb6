"use client";
// Published markup placed in the page once, as HTML only (decision 0034). The server writes the markup
// into the page (the SSR render of this component takes it from the in-process registry under its
// token: components/govuk/island-registry.ts), and the React Server Components payload carries only the
// token, so a 40 kB section is not sent a second time as a string for hydration. In the browser the
// component gives React the markup the page already holds (read once from its element), so the
// hydrated props equal the server's and React leaves the element's content as it is. It holds nothing
// React needs to walk: no client components, no events.
//
// That is for a page written out as HTML. When the server renders for the browser alone — a navigation
// after a server action's redirect (signing in), a refresh after an action — there is no HTML to read
// back, so the server passes the markup itself (`html`) in the payload, as any prop.
//
// The element carries its token (`data-island`). Should the browser ever be left with neither (no
// markup passed, and no element holding this token's markup), it loads the page again rather than show
// an empty section.
import { createElement, useEffect, type HTMLAttributes } from "react";
import { ISLANDS } from "./island-key";

type Registry = { get(token: string): string | undefined };

/** In the browser: each island's markup by token, read from the page the first time it is rendered. */
const read = new Map<string, string>();

function markup(token: string, id: string, given: string | undefined): { html: string; stale: boolean } {
  if (given !== undefined) return { html: given, stale: false };
  if (typeof window === "undefined") {
    const html = (globalThis as { [ISLANDS]?: Registry })[ISLANDS]?.get(token);
    // Never a blank section: a token with nothing registered is a fault in the server, not an empty part.
    if (html === undefined) throw new Error(`static island ${id}: nothing registered under its token`);
    return { html, stale: false };
  }
  const known = read.get(token);
  if (known !== undefined) return { html: known, stale: false };
  const element = document.getElementById(id);
  const html = element?.innerHTML ?? "";
  if (element?.dataset.island !== token) return { html, stale: true };
  read.set(token, html);
  return { html, stale: false };
}

export type StaticIslandProps = {
  token: string;
  id: string;
  as?: "div" | "section" | "nav";
  /** the markup itself, when the server renders for the browser alone (no HTML page to read it from) */
  html?: string;
} & Omit<HTMLAttributes<HTMLElement>, "children" | "dangerouslySetInnerHTML" | "id">;

export function StaticIsland({ token, id, as = "div", html: given, ...attributes }: StaticIslandProps) {
  const { html, stale } = markup(token, id, given);
  useEffect(() => {
    if (stale) window.location.reload();
  }, [stale]);
  return createElement(as, { id, ...attributes, "data-island": token, dangerouslySetInnerHTML: { __html: html } });
}
