import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/card';
import type { NextStep } from '@/lib/people/rules';

/** What is due next for a person: the step, its date, red when overdue. */
export async function NextStepBadge({ next }: { next: NextStep | null }) {
  const t = await getTranslations('people.steps');
  if (!next) return <span className="text-stone-500">—</span>;
  return (
    <Badge tone={next.overdue ? 'red' : next.key === 'record' ? 'amber' : undefined}>
      {next.due ? t('withDate', { step: t(next.key), date: next.due }) : t(next.key)}
      {next.overdue ? ` · ${t('overdue')}` : ''}
    </Badge>
  );
}
