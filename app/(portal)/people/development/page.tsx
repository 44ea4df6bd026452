import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { actorOf, requirePermission } from '@/lib/auth/current-user';
import { DEVELOPMENT_STAGES } from '@/lib/people/development';
import { developmentFor } from '@/lib/people/queries/roster';
import { NextStepBadge } from '../_components/next-step';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('development');

export default async function DevelopmentPage() {
  const user = await requirePermission('person.read');
  const [t, tp, dev] = await Promise.all([
    getTranslations('development'),
    getTranslations('people'),
    actorOf(user).then((actor) => developmentFor(user, actor)),
  ]);
  const personLink = (r: { id: string; name: string }) => (
    <Link href={`/people/${r.id}`} className="wb-link">
      {r.name}
    </Link>
  );
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card title={t('violationsTitle', { count: dev.violations.length })}>
        <Table
          testId="development-violations"
          rows={dev.violations}
          rowKey={(r) => r.id}
          empty={t('noViolations')}
          columns={[
            { key: 'name', header: tp('fields.name'), cell: personLink },
            { key: 'status', header: tp('fields.status'), cell: (r) => tp(`statuses.${r.status ?? 'NONE'}`) },
            { key: 'org', header: tp('fields.org'), deskOnly: true, cell: (r) => r.org.name },
            {
              key: 'problems',
              header: t('problems'),
              cell: (r) => (
                <ul className="space-y-1">
                  {r.violations.map((v) => (
                    <li key={v.key} data-violation={v.key} className="flex items-start gap-1">
                      <Badge tone={v.severe ? 'red' : 'amber'}>{v.severe ? t('severe') : t('warning')}</Badge>
                      <span>{t(`violations.${v.key}`, v.params)}</span>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        {DEVELOPMENT_STAGES.map((s) => (
          <Card key={s} title={`${tp(`statuses.${s}`)} · ${dev.stages[s].length}`}>
            <Table
              testId={`stage-${s}`}
              framed={false}
              rows={dev.stages[s]}
              rowKey={(r) => r.id}
              empty={t('nobody')}
              columns={[
                { key: 'name', header: tp('fields.name'), cell: personLink },
                { key: 'org', header: tp('fields.org'), cell: (r) => r.org.name },
                { key: 'next', header: tp('next'), cell: (r) => <NextStepBadge next={r.next} /> },
              ]}
            />
          </Card>
        ))}
      </div>
    </div>
  );
}
