// The demo accounts: one per role, seeded by the start and test commands (scripts/seed.ts), listed
// on the sign-in page and in the README. Their password is public, so they are refused whenever
// APP_ENV=production (at sign-in, for existing sessions, and the seed disables them).
import type { Role } from "@/lib/generated/prisma/enums";

/** South Tyneside: judged Inadequate at Ofsted's latest position in the published data. */
const DEMO_LA_NUMBER = "393";

export const DEMO_PASSWORD = "insight-preview-2026";

type DemoAccount = { email: string; name: string; role: Role; laNumber: string | null };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "demo.dcs@example.com", name: "Demo director", role: "dcs", laNumber: DEMO_LA_NUMBER },
  { email: "demo.team-manager@example.com", name: "Demo team manager", role: "team_manager", laNumber: DEMO_LA_NUMBER },
  { email: "demo.analyst@example.com", name: "Demo analyst", role: "dfe_analyst", laNumber: null },
  { email: "demo.admin@example.com", name: "Demo administrator", role: "admin", laNumber: null },
];
