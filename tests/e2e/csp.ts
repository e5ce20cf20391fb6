// Shared: collects Content Security Policy violations reported in the browser console.
import type { Page } from "@playwright/test";

/** The CSP violations the page reports from now on (expect it to stay empty). */
export function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}
