import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Select } from '@/components/ui/field';
import { type Choice, Options } from '@/components/ui/options';
import { requirePermission } from '@/lib/auth/current-user';
import { listVersions } from '@/lib/handbook/queries';
import { DAY } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('handbook', 'versions');

export default async function VersionsPage() {
  const user = await requirePermission('handbook.read');
  const versions = await listVersions(user);
  const t = await getTranslations('handbook');
  const format = await getFormatter();
  const tone = { PUBLISHED: 'green', SUPERSEDED: 'stone', DRAFT: 'amber' } as const;
  const published = versions.find((v) => v.status === 'PUBLISHED');
  const older = versions.find((v) => v.status === 'SUPERSEDED');
  return (
    <div className="space-y-4">
      <PageHeader title={t('versions')} description={t('versionsIntro')} />
      <Card>
        <ul className="divide-y divide-stone-100 text-sm" data-testid="versions-list">
          {versions.map((v) => (
            <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link
                  href={v.status === 'PUBLISHED' ? '/handbook' : `/handbook?v=${v.id}`}
                  className="wb-link"
                >
                  {v.label}
                </Link>{' '}
                <Badge tone={tone[v.status]}>{t(`statuses.${v.status}`)}</Badge>
                {v.changeSummary && <p className="mt-1 text-stone-600">{v.changeSummary}</p>}
              </div>
              <span className="text-stone-500">
                {t('articleCount', { count: v._count.articles })}
                {v.effectiveDate && ` · ${t('effective', { date: format.dateTime(v.effectiveDate, DAY) })}`}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      {versions.length > 1 && (
        <Card title={t('compare')}>
          <form
            action="/handbook/versions/diff"
            className="flex flex-wrap items-end gap-2"
            data-testid="diff-form"
          >
            <label className="text-sm">
              {t('from')}
              <VersionSelect name="a" versions={versions} defaultValue={older?.id ?? versions[1]!.id} />
            </label>
            <label className="text-sm">
              {t('to')}
              <VersionSelect name="b" versions={versions} defaultValue={published?.id ?? versions[0]!.id} />
            </label>
            <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm text-white">
              {t('showChanges')}
            </button>
          </form>
        </Card>
      )}
    </div>
  );
}

function VersionSelect({
  name,
  versions,
  defaultValue,
}: {
  name: string;
  versions: Choice[];
  defaultValue: string;
}) {
  return (
    <Select name={name} defaultValue={defaultValue}>
      <Options items={versions} label={(v) => v.label} />
    </Select>
  );
}
