import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { addDays, cstDay } from '@/lib/calendar';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { transfersFor } from '@/lib/people/queries/transfers';
import { can } from '@/lib/policy';
import { TransferTable } from '../_components/transfer-table';
import { IncomingForm } from '../_components/transfer-forms';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('transfers');

export default async function TransfersPage() {
  const user = await requirePermission('person.read');
  const [t, list, units] = await Promise.all([
    getTranslations('transfers'),
    transfersFor(user),
    unitChoices(user, 'personUnit'),
  ]);
  const defaultUntil = addDays(cstDay(new Date()), 30);
  const overdue = list.inTransit.filter((r) => r.overdue).length;
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} description={t('intro')} />
      <Card title={t('inTransitTitle', { count: list.inTransit.length, overdue })}>
        <TransferTable rows={list.inTransit} testId="in-transit" limit={40} defaultUntil={defaultUntil} />
      </Card>
      <Card title={t('proposedTitle', { count: list.proposed.length })}>
        <TransferTable rows={list.proposed} testId="proposed" limit={40} defaultUntil={defaultUntil} />
      </Card>
      {can(user, 'transfer.issue') && (
        <Card title={t('incomingTitle')}>
          <p className="mb-3 text-sm text-stone-600">{t('incomingIntro')}</p>
          <IncomingForm units={units} defaultUntil={defaultUntil} />
        </Card>
      )}
      <Card title={t('closedTitle')}>
        <TransferTable rows={list.closed} testId="closed" limit={40} defaultUntil={defaultUntil} />
      </Card>
    </div>
  );
}
