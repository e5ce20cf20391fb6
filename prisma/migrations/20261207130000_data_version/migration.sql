-- One data-version mechanism (decision 0022) in place of the page cache's single epoch (cache_epoch,
-- decisions 0006 and 0010). One row per scope: `all` rises once per committing transaction that wrote
-- anything a page shows — exactly what cache_epoch did — and each scope rises once per transaction
-- that wrote it: `figures` (published data and Ofsted), `users`, `triage`, and `plans:<LA number>`
-- (the LA whose plan, priority, action or update it was). The page cache reads `all`; the in-process
-- dashboard and risk snapshots read `figures`; issue 19 can key each page on only the scopes it shows.
-- neighbour_model (the statistical-neighbour groupings, migration 20261207120000, decision 0021) is a
-- `figures` table like statistical_neighbour: its cache_epoch triggers are replaced below with the rest.

-- CreateTable
CREATE TABLE "data_version" (
    "scope" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("scope")
);

-- Hand-written from here on.
ALTER TABLE "data_version" ADD CONSTRAINT "data_version_scope_check"
  CHECK ("scope" IN ('all', 'figures', 'users', 'triage') OR "scope" ~ '^plans:[0-9]{3}$');

-- `all` carries on from the old epoch, so a running app's cached pages are never mistaken for new ones.
INSERT INTO "data_version" ("scope", "version") SELECT 'all', "epoch" FROM "cache_epoch" WHERE "id" = 1;
INSERT INTO "data_version" ("scope", "version") VALUES ('all', 1), ('figures', 1), ('users', 1), ('triage', 1)
  ON CONFLICT ("scope") DO NOTHING;
-- A row for every LA that may already have a plan: a plan deleted outright together with its rows
-- (never done by the app, which soft-deletes) can then still be found by the fallback below.
INSERT INTO "data_version" ("scope", "version") SELECT 'plans:' || "laNumber", 1 FROM "local_authority";

-- The trigger function. TG_ARGV[0] is the scope kind of the table: figures, users, triage or plans.
-- Deferred (runs as the transaction commits, after its other writes), so the rows are locked only for
-- that instant and the new versions become visible together with the data. A transaction-local setting
-- makes each scope rise once per transaction however many rows were written (an import writes ~90,000).
-- Every transaction raises `all` first and holds it until it commits, so the scope rows are only ever
-- locked by the one transaction holding `all`: two writers can never deadlock on them.
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  kind text := TG_ARGV[0];
  done text := coalesce(current_setting('csc.data_version_bumped', true), '');
  changed jsonb;
  la text;
  target text;
BEGIN
  IF kind = 'plans' THEN
    IF TG_OP <> 'TRUNCATE' THEN
      changed := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
      IF TG_TABLE_NAME = 'improvement_plan' THEN
        la := changed ->> 'laNumber';
      ELSIF TG_TABLE_NAME = 'action_update' THEN
        SELECT p."laNumber" INTO la FROM "plan_action" a JOIN "improvement_plan" p ON p."id" = a."planId"
         WHERE a."id" = (changed ->> 'actionId')::uuid;
      ELSE
        SELECT p."laNumber" INTO la FROM "improvement_plan" p WHERE p."id" = (changed ->> 'planId')::uuid;
      END IF;
    END IF;
    -- LA unknown (a truncate, or a row whose plan was deleted in the same transaction): every LA's plans.
    target := CASE WHEN la IS NULL THEN 'plans:*' ELSE 'plans:' || la END;
  ELSE
    target := kind;
  END IF;

  IF position(',' || target || ',' IN done) > 0 OR (target LIKE 'plans:%' AND position(',plans:*,' IN done) > 0) THEN
    RETURN NULL;
  END IF;
  IF position(',all,' IN done) = 0 THEN
    UPDATE "data_version" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "scope" = 'all';
    done := done || ',all,';
  END IF;
  IF target = 'plans:*' THEN
    UPDATE "data_version" SET "version" = "version" + 1, "changedAt" = clock_timestamp() WHERE "scope" LIKE 'plans:%';
  ELSE
    INSERT INTO "data_version" ("scope", "version", "changedAt") VALUES (target, 1, clock_timestamp())
      ON CONFLICT ("scope") DO UPDATE SET "version" = "data_version"."version" + 1, "changedAt" = excluded."changedAt";
  END IF;
  PERFORM set_config('csc.data_version_bumped', done || ',' || target || ',', true);
  RETURN NULL;
END;
$$;

DO $$
DECLARE
  t text;
  kind text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'data_release', 'region', 'local_authority', 'la_code', 'la_name', 'boundary_change', 'boundary_change_link',
    'joint_return', 'joint_return_member', 'statistical_neighbour', 'neighbour_model', 'indicator', 'indicator_value',
    'inspection', 'ofsted_position', 'app_user', 'improvement_plan', 'plan_priority', 'plan_action', 'action_update',
    'triage_state', 'triage_event'
  ] LOOP
    kind := CASE
      WHEN t = 'app_user' THEN 'users'
      WHEN t IN ('improvement_plan', 'plan_priority', 'plan_action', 'action_update') THEN 'plans'
      WHEN t IN ('triage_state', 'triage_event') THEN 'triage'
      ELSE 'figures'
    END;
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_bump_cache_epoch', t);
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_truncate_bump_cache_epoch', t);
    EXECUTE format(
      'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version(%L)',
      t || '_bump_data_version', t, kind);
    -- Constraint triggers cannot fire on TRUNCATE; a statement trigger covers it.
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version(%L)',
      t || '_truncate_bump_data_version', t, kind);
  END LOOP;
END $$;

DROP FUNCTION bump_cache_epoch();

-- DropTable
DROP TABLE "cache_epoch";
