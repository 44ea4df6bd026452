-- Hand-written: security events may be purged once older than the retention a company sets (Setting
-- security.retention, default 365 days), and never before 180 days (网络安全法 第二十一条: logs kept at least six months).
-- The floor is kept here, in the database, whatever the setting or the app says: the trigger refuses deleting any event
-- younger than 180 days, and anything else unless a purge is under way. The app role holds no DELETE on the table
-- (lib/db/app-role.ts): it purges only through purge_security_events(), which reads the setting itself.
CREATE OR REPLACE FUNCTION security_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('wubiao.purge', true) = 'on' AND OLD."at" < now() - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'SecurityEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION purge_security_events() RETURNS integer AS $$
DECLARE
  keep_days integer;
  n integer;
BEGIN
  SELECT CASE WHEN jsonb_typeof(value->'days') = 'number' THEN (value->>'days')::numeric::integer END
    INTO keep_days FROM "Setting" WHERE key = 'security.retention';
  keep_days := greatest(180, coalesce(keep_days, 365));
  PERFORM set_config('wubiao.purge', 'on', true);
  DELETE FROM "SecurityEvent" WHERE "at" < now() - make_interval(days => keep_days);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('wubiao.purge', 'off', true);
  RETURN n;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

REVOKE EXECUTE ON FUNCTION purge_security_events() FROM PUBLIC;
