// The app's settings, validated with zod the first time they are read (instrumentation.ts reads them
// when the server boots, so a bad setting stops the server instead of failing a request later).
//
// APP_ENV — not NODE_ENV — says whether this is a real deployment: `npm start` runs `next start`
// (NODE_ENV=production) on people's laptops with the demo accounts. See docs/decisions/0008.
import { z } from "zod";

/**
 * How long the app waits for PostgreSQL (lib/core/db/pool.ts). A database that hangs instead of refusing
 * connections must give the person the error page within seconds, not hold the request. Read by the
 * app (getEnv) and by scripts (databaseTimeouts), which need no other setting.
 */
const databaseTimeoutsSchema = z.object({
  /** Opening a connection, or waiting for a free one in the pool. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(3_000),
  /** One statement of the app's (PostgreSQL's statement_timeout; the client gives up 1 s later if the server does not answer at all). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** One statement of the importer, seed and other scripts: 0 = no limit (a full import runs long statements). */
  DB_SCRIPT_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(86_400_000).default(0),
});

type DatabaseTimeouts = z.infer<typeof databaseTimeoutsSchema>;

/** The database timeouts alone (scripts), with the defaults. Throws a readable error for a bad value. */
export function databaseTimeouts(source: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = databaseTimeoutsSchema.safeParse(blankless);
  if (!result.success)
    throw new Error(`Invalid environment settings:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  return result.data;
}

/** Used only when APP_ENV is not production, so a laptop needs no setup. Never accepted in production. */
export const DEVELOPMENT_AUTH_SECRET = "csc-insight-development-only-secret-do-not-use-in-production";

const envSchema = z
  .object({
    APP_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Public origin of the app, e.g. https://csc-insight.example.gov.uk (required in production). */
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL" }).optional(),
    /** Signs session cookies. At least 32 characters; required in production. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    /** Reverse proxies in front of the app that append to X-Forwarded-For (0 = none). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  })
  .extend(databaseTimeoutsSchema.shape)
  .superRefine((env, ctx) => {
    if (env.APP_ENV === "production") {
      if (!env.AUTH_SECRET)
        ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required when APP_ENV=production" });
      if (env.AUTH_SECRET === DEVELOPMENT_AUTH_SECRET)
        ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET must not be the development secret" });
      if (!env.APP_URL) ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL is required when APP_ENV=production" });
      else if (!env.APP_URL.startsWith("https://"))
        ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL must be https when APP_ENV=production" });
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
    isProduction: env.APP_ENV === "production",
  }));

export type AppEnv = z.infer<typeof envSchema>;

/** Parses a set of variables (tests pass their own). Throws one readable error listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const blankless = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(blankless);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join(".") || "environment"}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment settings:\n${problems}`);
  }
  return result.data;
}

let cached: AppEnv | undefined;

/** The validated settings of this process. */
export function getEnv(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
