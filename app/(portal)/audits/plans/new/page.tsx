import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { planFormOptionsFor } from '@/lib/audits/queries/audits';
import { requirePermission } from '@/lib/auth/current-user';
import { cstDay, periodOf } from '@/lib/calendar';
import { PlanForm } from './_components/plan-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('audits', 'newPlan');

export default async function NewPlanPage() {
  const user = await requirePermission('auditPlan.manage');
  const [t, options] = await Promise.all([getTranslations('audits'), planFormOptionsFor(user)]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('newPlan')} description={t('intro')} />
      <Card>
        <PlanForm
          auditors={options.auditors}
          orgs={options.orgs}
          defaultPeriod={periodOf('QUARTER', cstDay(new Date())).key}
        />
      </Card>
    </div>
  );
}
