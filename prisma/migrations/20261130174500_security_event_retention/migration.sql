-- Hand-written: security events may be purged once older than the retention a company sets, and never before
-- 180 days (网络安全法 第二十一条: logs kept at least six months). The floor is kept here, in the database, whatever
-- the setting or the app says: the trigger refuses any other deletion, and the purge runs only through this function.
CREATE OR REPLACE FUNCTION security_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('wubiao.purge', true) = 'on' AND OLD."at" < now() - interval '180 days' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'SecurityEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION purge_security_events(keep_days integer) RETURNS integer AS $$
DECLARE
  n integer;
BEGIN
  IF keep_days IS NULL OR keep_days < 180 THEN
    RAISE EXCEPTION 'security events are kept at least 180 days (asked: %)', keep_days USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM set_config('wubiao.purge', 'on', true);
  DELETE FROM "SecurityEvent" WHERE "at" < now() - make_interval(days => keep_days);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('wubiao.purge', 'off', true);
  RETURN n;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public;
