'use client';
import { useTranslations } from 'next-intl';
import type { SheetScore } from '@/lib/handbook/scoring';

/** Under a sheet's total: the points over the applicable maximum, the bonus, and a triggered veto. */
export function SheetScoreNote({
  score,
}: {
  score: Pick<SheetScore, 'total' | 'applicableMax' | 'percent' | 'bonus' | 'vetoBand'>;
}) {
  const t = useTranslations('scoringKinds');
  return (
    <p className="text-sm text-stone-600" data-testid="score-note">
      {t('applicableTotal', { total: score.total, max: score.applicableMax, percent: score.percent })}
      {score.bonus > 0 && ` · ${t('bonusLine', { bonus: score.bonus })}`}
      {score.vetoBand && (
        <strong className="ml-1 text-red-700">
          {t('vetoed', { band: t(`bands.${score.vetoBand}` as never) })}
        </strong>
      )}
    </p>
  );
}
