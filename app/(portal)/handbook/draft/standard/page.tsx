import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { BonusCapForm } from '../_components/bonus-cap-form';
import { paramsToText } from '@/lib/ledger/rules';
import { levelsToText } from '@/lib/handbook/schema';
import type { Level } from '@/lib/handbook/scoring';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { draftForEditor } from '@/lib/handbook/queries';
import { standardOf } from '@/lib/handbook/queries';
import { sumDifference, total } from '@/lib/handbook/rules';
import { load } from '@/lib/page-guard';
import { StandardEditor } from '../_components/standard-editor';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'editStandard');

export default async function DraftStandardPage() {
  const user = await requirePermission('handbook.edit');
  const { draft } = await load(() => draftForEditor(user));
  if (!draft) redirect('/handbook/draft');
  const standard = await standardOf(draft.id);
  const t = await getTranslations('handbook');
  const categories = (standard?.categories ?? []).map((c) => ({
    id: c.id,
    code: c.code,
    title: c.title,
    points: total(c.criteria.map((k) => k.maxPoints)),
    criteria: c.criteria.map((k) => ({
      id: k.id,
      code: k.code,
      title: k.title,
      maxPoints: k.maxPoints,
      unitDeduction: k.unitDeduction,
      cap: k.cap ?? '',
      deductionRule: k.deductionRule,
      kind: k.kind,
      levels: levelsToText(k.levels as Level[] | null),
      vetoBand: k.vetoBand ?? '',
      annualOnly: k.annualOnly,
      ruleKey: k.ruleKey ?? '',
      ruleParams: paramsToText(k.ruleParams as Record<string, unknown> | null),
      articleNumbers: k.articles
        .map((l) => l.article.number)
        .sort((a, b) => a - b)
        .join(', '),
    })),
  }));
  const points = categories.flatMap((c) => c.criteria.map((k) => Number(k.maxPoints)));
  const declared = standard?.totalPoints ?? 100;
  const diff = sumDifference(points, declared);
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('editStandard')}
        description={t('draftOf', { label: draft.label })}
        actions={<LinkButton href="/handbook/draft">{t('backToDraft')}</LinkButton>}
      />
      <p
        className={`sticky top-0 z-10 rounded-md px-3 py-2 text-sm ${diff === 0 ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
        data-testid="standard-sum"
      >
        {diff === 0
          ? t('sumOk', { total: declared })
          : t('sumOff', { sum: total(points), total: declared, difference: diff > 0 ? `+${diff}` : diff })}
      </p>
      <StandardEditor versionId={draft.id} categories={categories as never} />
      {standard && <BonusCapForm versionId={draft.id} bonusCap={standard.bonusCap} />}
    </div>
  );
}
