'use client';
import { useTranslations } from 'next-intl';
import { Input, Select } from '@/components/ui/field';
import type { CriterionKind, Level } from '@/lib/handbook/scoring';

export type ScoreInputCriterion = {
  code: string;
  kind: CriterionKind;
  levels: Level[] | null;
  applicable: boolean;
};

/** A criterion as a self-check or audit sheet lists it. */
export type SheetCriterionLine = {
  code: string;
  title: string;
  category: string;
  rule: string;
  maxPoints: number;
  unitDeduction: number;
  cap: number | null;
  kind: CriterionKind;
  levels: Level[] | null;
  vetoBand: string | null;
};

/**
 * The input of one criterion on a self-check or audit sheet, by its kind: shortfalls as a number, a grade or an
 * award as a choice of the standard's levels, a veto as happened or not. Not applicable in the period: said so,
 * nothing to enter. The value is the text of the number the scoring rules read (lib/handbook/scoring.ts).
 */
export function ScoreInput({
  criterion: c,
  value,
  label,
  placeholder,
  className = 'w-20',
  onChange,
}: {
  criterion: ScoreInputCriterion;
  value: string;
  label: string;
  placeholder?: string;
  className?: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations('scoringKinds');
  if (!c.applicable)
    return (
      <span className="text-sm text-stone-500" data-testid={`na-${c.code}`}>
        {t('notApplicable')}
      </span>
    );
  if (c.kind === 'GRADE' || c.kind === 'BONUS' || c.kind === 'VETO')
    return (
      <Select
        aria-label={label}
        value={value}
        className="min-w-28"
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('choose')}</option>
        {c.kind === 'VETO' ? (
          <>
            <option value="0">{t('vetoNo')}</option>
            <option value="1">{t('vetoYes')}</option>
          </>
        ) : (
          <>
            {c.kind === 'BONUS' && <option value="0">{t('none')}</option>}
            {(c.levels ?? []).map((l, i) => (
              <option key={i} value={String(i + 1)}>
                {l.label}（{c.kind === 'BONUS' ? '+' : ''}
                {l.points}）
              </option>
            ))}
          </>
        )}
      </Select>
    );
  return (
    <Input
      aria-label={label}
      inputMode="numeric"
      className={className}
      value={value}
      placeholder={placeholder}
      onChange={(e) => onChange(e.target.value.trim())}
    />
  );
}
