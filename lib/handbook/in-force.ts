// Which handbook version's standard a period is judged by. Outside queries.ts ('server-only') because the mutations
// that open sheets and plans run in the seed as well, under plain Node.
import { periodFromKey } from '../calendar';
import type { Db } from '../db/client';

/**
 * The scoring standard a period is judged by: that of the handbook version in force on the period's last day. The
 * published version where it was in force by then (or carries no date); otherwise the newest superseded one in force
 * by then — a 2025 quarter self-checked or audited after the 2026 version took effect is scored against the 2025
 * standard, the one its work was done under; otherwise the published one. Sheets and audits of one period so share
 * one standard, and the self-versus-audit comparison stays line by line.
 */
export async function standardIdForPeriod(
  periodKey: string,
  client: Pick<Db, 'handbookVersion'>,
): Promise<string | null> {
  const end = periodFromKey(periodKey)?.end;
  const published = await client.handbookVersion.findFirst({
    where: { status: 'PUBLISHED' },
    select: { effectiveDate: true, standard: { select: { id: true } } },
  });
  if (end && published?.effectiveDate && published.effectiveDate.toISOString().slice(0, 10) > end) {
    const earlier = await client.handbookVersion.findFirst({
      where: {
        status: 'SUPERSEDED',
        effectiveDate: { lte: new Date(`${end}T00:00:00Z`) },
        standard: { isNot: null },
      },
      orderBy: { effectiveDate: 'desc' },
      select: { standard: { select: { id: true } } },
    });
    if (earlier?.standard) return earlier.standard.id;
  }
  return published?.standard?.id ?? null;
}
