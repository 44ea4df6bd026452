-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" VARCHAR(40) NOT NULL,
    "username" VARCHAR(64),
    "userId" UUID,
    "ip" VARCHAR(64),
    "userAgent" VARCHAR(300),
    "detail" JSONB,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" VARCHAR(200) NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

-- CreateIndex
CREATE INDEX "SecurityEvent_ip_at_idx" ON "SecurityEvent"("ip", "at");

-- Hand-written: security events are append-only at the database level, like the trace.
CREATE FUNCTION security_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'SecurityEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER security_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "SecurityEvent"
  FOR EACH ROW EXECUTE FUNCTION security_event_append_only();

CREATE TRIGGER security_event_no_truncate
  BEFORE TRUNCATE ON "SecurityEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION security_event_append_only();
