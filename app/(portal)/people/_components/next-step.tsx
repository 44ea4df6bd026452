import type { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { NextStep } from '@/lib/people/rules';

/** The page's translator of `people.steps`, read once for all its rows. */
export type StepWords = Awaited<ReturnType<typeof getTranslations<'people.steps'>>>;

/**
 * What is due next for a person: the step, its date, red when overdue. Synchronous, with the page's translator:
 * an async component in each of a list's rows is rendered as a task of its own and sent as a chunk of its own.
 */
export function NextStepBadge({ next, t }: { next: NextStep | null; t: StepWords }) {
  if (!next) return <span className="text-stone-500">—</span>;
  return (
    <Badge tone={next.overdue ? 'red' : next.key === 'record' ? 'amber' : undefined}>
      {next.due ? t('withDate', { step: t(next.key), date: next.due }) : t(next.key)}
      {next.overdue ? ` · ${t('overdue')}` : ''}
    </Badge>
  );
}
