// Runs once when the server starts: validates the settings (lib/core/env.ts) so a misconfigured
// deployment stops at boot, and says plainly when demo accounts are live.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/core/env");
  // after-import hooks (lib/import/hooks.ts), for any import this process runs
  await import("./lib/import-hooks");
  const env = getEnv();
  if (!env.isProduction) {
    console.warn(
      `APP_ENV=${env.APP_ENV}: the demo accounts (published passwords) can sign in. ` +
        "Set APP_ENV=production, AUTH_SECRET and APP_URL for a real deployment.",
    );
  }
}
