-- Hand-written (no schema change). The page cache's epoch is now raised at COMMIT, once per
-- transaction, by deferred row triggers, instead of by statement triggers at each statement.
--
-- Why: a statement trigger updates the one cache_epoch row at the first write of a transaction and
-- holds that row lock until commit, so every writing transaction queued behind it for its whole
-- length, and two transactions that also wait on each other's rows could deadlock (seen between a
-- bulk triage update and a single save). A deferred trigger runs as the transaction commits, after
-- all its other writes: the row is locked only for the instant of the commit, and a transaction
-- waiting for it holds nothing the committing one needs. The new epoch still becomes visible
-- together with the data (same transaction), which is what keeps cached pages correct.
-- The per-transaction setting makes the epoch rise once per transaction, however many rows it wrote
-- (an import writes ~90,000).

CREATE OR REPLACE FUNCTION bump_cache_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('csc.cache_epoch_bumped', true) IS DISTINCT FROM '1' THEN
    UPDATE "cache_epoch" SET "epoch" = "epoch" + 1, "changedAt" = clock_timestamp() WHERE "id" = 1;
    PERFORM set_config('csc.cache_epoch_bumped', '1', true);
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'data_release', 'region', 'local_authority', 'la_code', 'la_name', 'boundary_change', 'boundary_change_link',
    'joint_return', 'joint_return_member', 'statistical_neighbour', 'indicator', 'indicator_value',
    'inspection', 'ofsted_position', 'app_user', 'improvement_plan', 'plan_priority', 'plan_action', 'action_update',
    'triage_state', 'triage_event'
  ] LOOP
    EXECUTE format('DROP TRIGGER %I ON %I', t || '_bump_cache_epoch', t);
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_cache_epoch()', t || '_bump_cache_epoch', t);
    -- Constraint triggers cannot fire on TRUNCATE; a statement trigger covers it.
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION bump_cache_epoch()', t || '_truncate_bump_cache_epoch', t);
  END LOOP;
END $$;
