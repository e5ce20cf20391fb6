// Debian's Chromium (Playwright's own browser download is not reachable from these machines): where
// it is and the flags it runs with here. Used by the browser tests (playwright.config.ts), bench:faults
// and Lighthouse (which adds its own headless and quiet flags).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];
