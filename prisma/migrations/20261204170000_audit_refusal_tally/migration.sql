-- Anonymous refusals of server actions are counted per address, action and minute instead of each
-- writing an audit_event row (issue 14: 50 rows/s from anyone). lib/auth/refusal-tally.ts.
CREATE TABLE "audit_refusal_tally" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "action" TEXT NOT NULL,
    "permission" TEXT NOT NULL,
    "entityType" TEXT,
    "laNumber" VARCHAR(3),
    "count" INTEGER NOT NULL DEFAULT 0,
    "firstAt" TIMESTAMPTZ(3) NOT NULL,
    "lastAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_refusal_tally_pkey" PRIMARY KEY ("key","windowStart")
);

CREATE INDEX "audit_refusal_tally_windowStart_idx" ON "audit_refusal_tally"("windowStart");
