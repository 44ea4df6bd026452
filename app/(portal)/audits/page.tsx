import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { refuse } from '@/lib/auth/refusals';
import { PortalPage } from '@/components/page/portal-page';
import { Badge, Card, ListCard } from '@/components/ui/card';
import { FilterField, FilterForm } from '@/components/ui/filter-form';
import { Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { auditListFor } from '@/lib/audits/queries/audits';
import { ZAuditFilter } from '@/lib/audits/schema';
import { requireUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { AuditList } from './_components/audit-list';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits');

export default async function AuditsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  const manager = can(user, 'auditPlan.manage');
  if (!manager && !can(user, 'audit.score')) await refuse(user);
  const f = ZAuditFilter.parse(await searchParams);
  const [t, list] = await Promise.all([getTranslations('audits'), auditListFor(user, f)]);
  return (
    <PortalPage
      title={t('title')}
      description={t('intro')}
      links={[
        manager && { href: '/audits/plans/new', label: t('newPlan'), primary: true },
        manager && { href: '/audits/gap', label: t('gapLink') },
      ]}
    >
      <ListCard
        title={t('plans')}
        items={list.plans}
        empty={t('noPlans')}
        testId="plan-list"
        item={(p) => (
          <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link
              href={`/audits/plans/${p.id}`}
              className="min-h-11 content-center text-brand-700 hover:underline"
            >
              {p.title}
            </Link>
            <span className="flex gap-2 text-xs">
              <Badge>{t(`kinds.${p.kind}`)}</Badge>
              <span>{p.periodKey}</span>
              <span>{t('targets', { count: p._count.audits })}</span>
            </span>
          </li>
        )}
      />
      <Card>
        <FilterForm className="mb-3 sm:grid-cols-4" applyLabel={t('filters.apply')}>
          <FilterField label={t('filters.plan')}>
            <Select name="planId" defaultValue={f.planId ?? ''}>
              <Options items={list.plans} empty={t('filters.allPlans')} label={(p) => p.title} />
            </Select>
          </FilterField>
          <FilterField label={t('filters.status')}>
            <Select name="status" defaultValue={f.status ?? ''}>
              <Options
                items={['PLANNED', 'IN_PROGRESS', 'SCORED', 'FEEDBACK_ISSUED'] as const}
                empty={t('filters.allStatuses')}
                label={(s) => t(`statuses.${s}`)}
              />
            </Select>
          </FilterField>
          <FilterField label={t('filters.member')}>
            <Select name="memberId" defaultValue={f.memberId ?? ''}>
              <Options
                items={list.members}
                empty="—"
                label={(m) => (m.id === user.id ? t('filters.mine') : m.name)}
              />
            </Select>
          </FilterField>
        </FilterForm>
        {list.audits.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noAudits')}</p>
        ) : (
          <AuditList audits={list.audits} testId="audit-list" detail={(a) => <span>{a.plan.title}</span>} />
        )}
      </Card>
    </PortalPage>
  );
}
