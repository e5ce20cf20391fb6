import { defineConfig } from "prisma/config";

// The Prisma 7 CLI is used only for `prisma generate` here (see docs/decisions/0002).
// Migrations are committed SQL applied by lib/core/db/migrate.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused-by-generate" },
});
