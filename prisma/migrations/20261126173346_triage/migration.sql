-- CreateEnum
CREATE TYPE "TriageStatus" AS ENUM ('NEW', 'UNDER_REVIEW', 'REVIEWED', 'ESCALATED');

-- CreateTable
CREATE TABLE "triage_state" (
    "laNumber" VARCHAR(3) NOT NULL,
    "status" "TriageStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "latestNote" TEXT,
    "lastReviewedAt" TIMESTAMPTZ(3),
    "lastReviewedByName" TEXT,
    "snapshot" JSONB,
    "reopenReason" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedById" TEXT,
    "updatedByName" TEXT NOT NULL,

    CONSTRAINT "triage_state_pkey" PRIMARY KEY ("laNumber")
);

-- CreateTable
CREATE TABLE "triage_event" (
    "id" UUID NOT NULL,
    "laNumber" VARCHAR(3) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "statusBefore" "TriageStatus" NOT NULL,
    "statusAfter" "TriageStatus" NOT NULL,
    "note" TEXT,
    "reason" TEXT,
    "isAutomatic" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "releaseId" INTEGER,
    "snapshot" JSONB,

    CONSTRAINT "triage_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "triage_state_status_idx" ON "triage_state"("status");

-- CreateIndex
CREATE INDEX "triage_event_laNumber_at_idx" ON "triage_event"("laNumber", "at");

-- CreateIndex
CREATE INDEX "triage_event_at_idx" ON "triage_event"("at");

-- AddForeignKey
ALTER TABLE "triage_state" ADD CONSTRAINT "triage_state_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "local_authority"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "triage_event" ADD CONSTRAINT "triage_event_laNumber_fkey" FOREIGN KEY ("laNumber") REFERENCES "triage_state"("laNumber") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Hand-written (Prisma cannot express CHECK constraints or triggers). docs/decisions/0011-analyst-triage.md
ALTER TABLE "triage_state" ADD CONSTRAINT "triage_state_version_check" CHECK ("version" >= 1);
-- A reviewed LA keeps what it was reviewed against, so a new data release can be compared with it.
ALTER TABLE "triage_state" ADD CONSTRAINT "triage_state_reviewed_snapshot_check" CHECK ("status" <> 'REVIEWED' OR "snapshot" IS NOT NULL);
-- Only the importer's reopen sets a reason, and it always returns the LA to NEW.
ALTER TABLE "triage_state" ADD CONSTRAINT "triage_state_reopen_check" CHECK ("reopenReason" IS NULL OR "status" = 'NEW');
ALTER TABLE "triage_event" ADD CONSTRAINT "triage_event_version_check" CHECK ("version" >= 1);
-- A person's change always has a note; an automatic reopen has a reason instead, no author, and ends NEW.
ALTER TABLE "triage_event" ADD CONSTRAINT "triage_event_kind_check" CHECK (
  ("isAutomatic" AND "reason" IS NOT NULL AND "note" IS NULL AND "authorId" IS NULL AND "statusBefore" = 'REVIEWED' AND "statusAfter" = 'NEW')
  OR (NOT "isAutomatic" AND "note" IS NOT NULL AND btrim("note") <> '' AND "reason" IS NULL)
);

-- The history is append-only, like the audit trail.
CREATE FUNCTION "triage_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'triage_event is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER "triage_event_no_update_delete" BEFORE UPDATE OR DELETE ON "triage_event"
  FOR EACH ROW EXECUTE FUNCTION "triage_event_append_only"();

-- Page cache (migration 20261126172804_page_cache): any triage write makes cached pages stale.
CREATE TRIGGER triage_state_bump_cache_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "triage_state" FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_epoch();
CREATE TRIGGER triage_event_bump_cache_epoch AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "triage_event" FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_epoch();
