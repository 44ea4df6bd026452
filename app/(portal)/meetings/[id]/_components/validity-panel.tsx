'use client';
import { useTranslations } from 'next-intl';
import type { MeetingCheck, MeetingKind, RosterPerson } from '@/lib/meetings/rules';
import { ProblemList } from '../../_components/problem-list';

/** What the rules say of the record as it stands: may it decide, and who must 补学. */
export function ValidityPanel({
  check,
  kind,
  roster,
}: {
  check: MeetingCheck;
  kind: MeetingKind;
  roster: (RosterPerson & { name: string })[];
}) {
  const t = useTranslations('meetings');
  const names = new Map(roster.map((p) => [p.id, p.name]));
  return (
    <section
      aria-live="polite"
      data-testid="validity"
      className={`rounded-lg border p-4 text-sm ${check.valid ? 'border-green-200 bg-green-50' : 'border-red-200 bg-red-50'}`}
    >
      <p className="font-medium">{check.valid ? t('validNow') : t('invalidNow')}</p>
      {(kind === 'GENERAL_ASSEMBLY' || kind === 'COMMITTEE') && (
        <p className="mt-1">
          {t('voters', { present: check.presentVoters, expected: check.expectedVoters })}
        </p>
      )}
      <ProblemList problems={check.problems} />
      {check.makeup.length > 0 && (
        <p className="mt-2" data-testid="makeup-needed">
          {t('makeupNeeded', { names: check.makeup.map((id) => names.get(id) ?? '').join('、') })}
        </p>
      )}
    </section>
  );
}
