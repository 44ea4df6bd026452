-- CreateTable
CREATE TABLE "DeductionRollup" (
    "criterionId" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "points" DOUBLE PRECISION NOT NULL,
    "scores" INTEGER NOT NULL,

    CONSTRAINT "DeductionRollup_pkey" PRIMARY KEY ("criterionId","orgId","year")
);

-- CreateIndex
CREATE INDEX "DeductionRollup_year_idx" ON "DeductionRollup"("year");

-- Hand-written: the rollup is kept by the scores themselves, in the writing transaction. Each statement on
-- "AuditScore" recomputes the (criterion, unit, year) keys it touched from the scores, so the rollup is exact
-- whoever writes (the scoring action, the seeds, a bench's bulk insert). An audit's unit and its plan's period
-- never change once scored (no code path moves them), so the scores are the only input that moves.
-- The (criterion, unit, year) keys behind a set of (audit, criterion) pairs.
CREATE OR REPLACE FUNCTION deduction_rollup_keys(pairs jsonb)
RETURNS TABLE ("criterionId" uuid, "orgId" uuid, year int)
LANGUAGE sql STABLE AS $$
  SELECT DISTINCT t.c, a."orgId", substr(p."periodKey", 1, 4)::int
  FROM jsonb_to_recordset(pairs) AS t(a uuid, c uuid)
  JOIN "Audit" a ON a.id = t.a JOIN "AuditPlan" p ON p.id = a."planId"
$$;

CREATE OR REPLACE FUNCTION deduction_rollup_refresh(pairs jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF pairs IS NULL THEN RETURN; END IF;
  DELETE FROM "DeductionRollup" r USING deduction_rollup_keys(pairs) k
    WHERE r."criterionId" = k."criterionId" AND r."orgId" = k."orgId" AND r.year = k.year;
  INSERT INTO "DeductionRollup" ("criterionId", "orgId", year, points, scores)
    SELECT k."criterionId", k."orgId", k.year, sum(s.deduction), count(*)::int
    FROM deduction_rollup_keys(pairs) k
    JOIN "Audit" a ON a."orgId" = k."orgId"
    JOIN "AuditPlan" p ON p.id = a."planId" AND substr(p."periodKey", 1, 4)::int = k.year
    JOIN "AuditScore" s ON s."auditId" = a.id AND s."criterionId" = k."criterionId" AND s.deduction > 0
    GROUP BY 1, 2, 3;
END $$;

CREATE OR REPLACE FUNCTION deduction_rollup_on_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM deduction_rollup_refresh((SELECT jsonb_agg(jsonb_build_object('a', "auditId", 'c', "criterionId")) FROM new_scores));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM deduction_rollup_refresh((SELECT jsonb_agg(jsonb_build_object('a', "auditId", 'c', "criterionId")) FROM old_scores));
  ELSE
    PERFORM deduction_rollup_refresh((SELECT jsonb_agg(jsonb_build_object('a', x."auditId", 'c', x."criterionId"))
      FROM (SELECT "auditId", "criterionId" FROM new_scores UNION SELECT "auditId", "criterionId" FROM old_scores) x));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER deduction_rollup_insert AFTER INSERT ON "AuditScore"
  REFERENCING NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION deduction_rollup_on_scores();
CREATE TRIGGER deduction_rollup_update AFTER UPDATE ON "AuditScore"
  REFERENCING OLD TABLE AS old_scores NEW TABLE AS new_scores FOR EACH STATEMENT EXECUTE FUNCTION deduction_rollup_on_scores();
CREATE TRIGGER deduction_rollup_delete AFTER DELETE ON "AuditScore"
  REFERENCING OLD TABLE AS old_scores FOR EACH STATEMENT EXECUTE FUNCTION deduction_rollup_on_scores();

-- The scores already stored.
INSERT INTO "DeductionRollup" ("criterionId", "orgId", year, points, scores)
  SELECT s."criterionId", a."orgId", substr(p."periodKey", 1, 4)::int, sum(s.deduction), count(*)::int
  FROM "AuditScore" s JOIN "Audit" a ON a.id = s."auditId" JOIN "AuditPlan" p ON p.id = a."planId"
  WHERE s.deduction > 0
  GROUP BY 1, 2, 3;
