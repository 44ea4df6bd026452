import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { gradeBands } from '@/lib/handbook/mutations/grades';
import { standardOf, versionForUser } from '@/lib/handbook/queries';
import { can } from '@/lib/policy';
import { GradeBandsForm } from '../_components/grade-bands-form';
import { sumDifference, total } from '@/lib/handbook/rules';
import { load } from '@/lib/page-guard';
import { VersionBanner, withVersion } from '../_components/version-banner';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'standard');

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
          <Table
            framed={false}
            rows={c.criteria}
            rowKey={(k) => k.id}
            empty={t('noCategoryCriteria')}
            columns={[
              {
                key: 'criterion',
                header: t('criterion'),
                className: 'align-top',
                cell: (k) => `${k.code} ${k.title}`,
              },
              {
                key: 'maxPoints',
                header: t('maxPoints'),
                className: 'align-top sm:w-16',
                cell: (k) => k.maxPoints,
              },
              {
                key: 'deductionRule',
                header: t('deductionRule'),
                className: 'align-top',
                cell: (k) => k.deductionRule,
              },
              {
                key: 'articles',
                header: t('articlesCited'),
                className: 'align-top',
                cell: (k) =>
                  k.articles.map((l) => (
                    <Link
                      key={l.articleId}
                      href={withVersion(`/handbook/articles/${l.article.number}`, version)}
                      className="mr-2 text-brand-700 underline"
                    >
                      {t('articleNo', { number: l.article.number })}
                    </Link>
                  )),
              },
            ]}
          />
        </Card>
      ))}
    </div>
  );
}
