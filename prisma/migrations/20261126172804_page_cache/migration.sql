-- CreateTable
CREATE TABLE "cache_epoch" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "epoch" BIGINT NOT NULL DEFAULT 1,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cache_epoch_pkey" PRIMARY KEY ("id")
);


-- Hand-written: one row, raised by a statement trigger on every table whose rows a page shows.
ALTER TABLE "cache_epoch" ADD CONSTRAINT "cache_epoch_single_row" CHECK ("id" = 1);
INSERT INTO "cache_epoch" ("id", "epoch") VALUES (1, 1);

CREATE FUNCTION bump_cache_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "cache_epoch" SET "epoch" = "epoch" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1;
  RETURN NULL;
END;
$$;

-- Not audit_event, sign_in_failure or auth_session: sessions are checked live on every request.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'data_release', 'region', 'local_authority', 'la_code', 'la_name', 'boundary_change', 'boundary_change_link',
    'joint_return', 'joint_return_member', 'statistical_neighbour', 'indicator', 'indicator_value',
    'inspection', 'ofsted_position', 'app_user', 'improvement_plan', 'plan_priority', 'plan_action', 'action_update'
  ] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_epoch()', t || '_bump_cache_epoch', t);
  END LOOP;
END $$;
