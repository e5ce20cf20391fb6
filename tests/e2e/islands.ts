// Static islands (decisions 0034 and 0035) as the browser receives them: a page's React Server
// Components payload is the text of its self.__next_f.push scripts; an island's markup is in the HTML
// once and not in that payload, which carries only its token. Shared by the browser tests.
import { expect, type Page } from "@playwright/test";

/** The React Server Components payload written into a page's HTML. */
export function payloadOf(html: string): string {
  return [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].map((m) => m[1]).join("");
}

/** Each text is in the page exactly once, and not in its payload (which is not empty). */
export function expectOnceOutsidePayload(html: string, texts: readonly string[]) {
  const payload = payloadOf(html);
  expect(payload.length).toBeGreaterThan(0);
  for (const text of texts) {
    expect(html.split(text).length - 1, text).toBe(1);
    expect(payload, text).not.toContain(text);
  }
}

/** Collects the page's console errors and uncaught exceptions (a hydration mismatch is one). */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}
