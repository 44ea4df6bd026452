import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { gradeBands } from '@/lib/handbook/mutations/grades';
import { standardOf, versionForUser } from '@/lib/handbook/queries';
import { can } from '@/lib/policy';
import { GradeBandsForm } from '../_components/grade-bands-form';
import { sumDifference, total } from '@/lib/handbook/rules';
import { load } from '@/lib/page-guard';
import { VersionBanner, withVersion } from '../_components/version-banner';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('handbook'))('standard') };
}

export default async function StandardPage({ searchParams }: { searchParams: Promise<{ v?: string }> }) {
  const user = await requirePermission('handbook.read');
  const { v } = await searchParams;
  const version = await load(() => versionForUser(user, typeof v === 'string' ? v : null));
  if (!version) notFound();
  const standard = await standardOf(version.id);
  const t = await getTranslations('handbook');
  if (!standard)
    return (
      <div>
        <PageHeader title={t('standard')} description={<VersionBanner version={version} />} />
        <Card>
          <p className="text-sm">{t('noStandard')}</p>
        </Card>
      </div>
    );
  const points = standard.categories.flatMap((c) => c.criteria.map((k) => k.maxPoints));
  const bands = await gradeBands(db);
  const min = (code: string) => bands.find((b) => b.code === code)?.minScore ?? 0;
  const diff = sumDifference(points, standard.totalPoints);
  return (
    <div className="space-y-4">
      <PageHeader title={standard.title} description={<VersionBanner version={version} />} />
      <p
        className={`rounded-md px-3 py-2 text-sm ${diff === 0 ? 'bg-green-50 text-green-900' : 'bg-red-50 text-red-900'}`}
        data-testid="standard-sum"
      >
        {diff === 0
          ? t('sumOk', { total: standard.totalPoints })
          : t('sumOff', {
              sum: total(points),
              total: standard.totalPoints,
              difference: diff > 0 ? `+${diff}` : diff,
            })}
      </p>
      <Card title={t('gradeBands')}>
        <p className="mb-3 text-sm" data-testid="grade-bands">
          {bands
            .filter((b) => b.code !== 'FAIL')
            .map((b) => t('bandLine', { band: t(`bands.${b.code}`), min: b.minScore }))
            .join('；')}
          ；{t('bandFail')}
        </p>
        {can(user, 'scoring.edit') && (
          <GradeBandsForm values={{ excellent: min('EXCELLENT'), good: min('GOOD'), pass: min('PASS') }} />
        )}
      </Card>
      {standard.categories.map((c) => (
        <Card
          key={c.id}
          title={`${c.code} ${c.title}（${t('points', { points: total(c.criteria.map((k) => k.maxPoints)) })}）`}
        >
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead className="text-left text-stone-600">
                <tr>
                  <th className="p-2">{t('criterion')}</th>
                  <th className="p-2 w-16">{t('maxPoints')}</th>
                  <th className="p-2">{t('deductionRule')}</th>
                  <th className="p-2">{t('articlesCited')}</th>
                </tr>
              </thead>
              <tbody>
                {c.criteria.map((k) => (
                  <tr key={k.id} className="border-t border-stone-100 align-top">
                    <td className="p-2">
                      {k.code} {k.title}
                    </td>
                    <td className="p-2">{k.maxPoints}</td>
                    <td className="p-2">{k.deductionRule}</td>
                    <td className="p-2">
                      {k.articles.map((l) => (
                        <Link
                          key={l.articleId}
                          href={withVersion(`/handbook/articles/${l.article.number}`, version)}
                          className="mr-2 text-brand-700 underline"
                        >
                          {t('articleNo', { number: l.article.number })}
                        </Link>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ))}
    </div>
  );
}
