'use client';
import { useTranslations } from 'next-intl';
import type { Problem } from '@/lib/meetings/rules';

/** Why a record cannot validly decide, in the page's language. */
export function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const t = useTranslations('meetings.problems');
  if (problems.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="problems">
      {problems.map((p) => (
        <li key={p.code}>{t(p.code, p.params)}</li>
      ))}
    </ul>
  );
}
