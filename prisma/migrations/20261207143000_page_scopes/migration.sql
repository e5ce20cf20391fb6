-- Pages keyed on only the scopes they show (issue 19, decision 0029). Three changes to the data version
-- of decision 0022 (migration 20261207130000_data_version):
--
-- 1. Each LA's triage has its own scope, `triage:<LA number>`, raised beside `triage` by a write to
--    triage_state or triage_event: an analyst's view of one LA (its dashboard, /risk/la/<LA>) then stays
--    cached when another LA is triaged; the inbox (/risk), which lists every LA, keys on `triage`.
-- 2. audit_event rows that record a change to a plan or its priorities raise that LA's plan scope. The
--    plan page reads "last changed by … at …" from them (lib/plans/queries.ts lastPlanChange). The app
--    writes them in the same transaction as the plan row, which raises the scope already; the trigger
--    makes the table's scope a property of the database, not of the app's habits. Only those rows fire it
--    (WHEN), so sign-ins, refusals and every other audit row cost nothing more.
-- 3. indicator_value_revision raises `figures`: the LA dashboard says which release revised a figure, from
--    what to what (issue 17), read from it. The importer writes it in the same transaction as the values,
--    which raise `figures` already; as for the audit rows, the trigger makes that the database's rule.

ALTER TABLE "data_version" DROP CONSTRAINT "data_version_scope_check";
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_scope_check"
  CHECK ("scope" IN ('all', 'figures', 'users', 'triage') OR "scope" ~ '^(plans|triage):[0-9]{3}$');

-- A row per LA for its triage scope (as for plans), starting at 1.
INSERT INTO "data_version" ("scope", "version") SELECT 'triage:' || "laNumber", 1 FROM "local_authority"
  ON CONFLICT ("scope") DO NOTHING;

-- The trigger function, as in 20261207130000 with: triage rows raise `triage` and `triage:<LA>`; an
-- audit_event row (only plan and priority changes reach it, see the trigger's WHEN) raises its plan's LA.
CREATE OR REPLACE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  done text := coalesce(current_setting('csc.data_version_bumped', true), '');
  changed jsonb;
  la text;
  targets text[];
  target text;
  raised boolean := false;
BEGIN
  -- The row as JSON only where its LA is needed (a figures row — an import writes ~90,000 — never pays for it).
  IF kind IN ('plans', 'triage') AND TG_OP <> 'TRUNCATE' THEN
    changed := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  END IF;
  IF kind = 'plans' THEN
    IF changed IS NOT NULL THEN
      IF TG_TABLE_NAME = 'improvement_plan' THEN
        la := changed ->> 'laNumber';
      ELSIF TG_TABLE_NAME = 'action_update' THEN
        SELECT p."laNumber" INTO la FROM "plan_action" a JOIN "improvement_plan" p ON p."id" = a."planId"
         WHERE a."id" = (changed ->> 'actionId')::uuid;
      ELSIF TG_TABLE_NAME = 'audit_event' THEN
        SELECT p."laNumber" INTO la FROM "improvement_plan" p
         WHERE p."id"::text = CASE WHEN changed ->> 'entityType' = 'improvement_plan' THEN changed ->> 'entityId'
                                   ELSE coalesce(changed #>> '{after,planId}', changed #>> '{before,planId}') END;
        la := coalesce(la, changed ->> 'laNumber');
      ELSE
        SELECT p."laNumber" INTO la FROM "improvement_plan" p WHERE p."id" = (changed ->> 'planId')::uuid;
      END IF;
    END IF;
    -- LA unknown (a truncate, or a row whose plan was deleted in the same transaction): every LA's plans.
    targets := ARRAY[CASE WHEN la IS NULL THEN 'plans:*' ELSE 'plans:' || la END];
  ELSIF kind = 'triage' THEN
    la := changed ->> 'laNumber';
    -- A truncate: every LA's triage.
    targets := ARRAY['triage', CASE WHEN la IS NULL THEN 'triage:*' ELSE 'triage:' || la END];
  ELSE
    targets := ARRAY[kind];
  END IF;

  FOREACH target IN ARRAY targets LOOP
    IF position(',' || target || ',' IN done) > 0
       OR (target LIKE 'plans:%' AND position(',plans:*,' IN done) > 0)
       OR (target LIKE 'triage:%' AND position(',triage:*,' IN done) > 0) THEN
      CONTINUE;
    END IF;
    raised := true;
    -- `all` first, held until commit: scope rows are only locked by the transaction holding it (no deadlocks).
    IF position(',all,' IN done) = 0 THEN
      UPDATE "data_version" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "scope" = 'all';
      done := done || ',all,';
    END IF;
    IF target IN ('plans:*', 'triage:*') THEN
      UPDATE "data_version" SET "version" = "version" + 1, "changedAt" = clock_timestamp()
       WHERE "scope" LIKE left(target, length(target) - 1) || '%';
    ELSE
      INSERT INTO "data_version" ("scope", "version", "changedAt") VALUES (target, 1, clock_timestamp())
        ON CONFLICT ("scope") DO UPDATE SET "version" = "data_version"."version" + 1, "changedAt" = excluded."changedAt";
    END IF;
    done := done || ',' || target || ',';
  END LOOP;
  -- Every row after the first of its scope in a transaction ends here having written nothing.
  IF raised THEN
    PERFORM set_config('csc.data_version_bumped', done, true);
  END IF;
  RETURN NULL;
END;
$$;

-- audit_event is append-only (UPDATE and DELETE are refused by its own trigger): inserts only, and only
-- successful changes to a plan or a priority.
CREATE CONSTRAINT TRIGGER "audit_event_bump_data_version" AFTER INSERT ON "audit_event" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."entityType" IN ('improvement_plan', 'plan_priority') AND NEW."outcome" = 'SUCCESS')
  EXECUTE FUNCTION bump_data_version('plans');
CREATE TRIGGER "audit_event_truncate_bump_data_version" AFTER TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('plans');

CREATE CONSTRAINT TRIGGER "indicator_value_revision_bump_data_version" AFTER INSERT OR UPDATE OR DELETE ON "indicator_value_revision"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version('figures');
CREATE TRIGGER "indicator_value_revision_truncate_bump_data_version" AFTER TRUNCATE ON "indicator_value_revision"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version('figures');
