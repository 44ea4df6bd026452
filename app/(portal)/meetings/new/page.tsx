import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { cstDay } from '@/lib/calendar';
import { recordableUnits } from '@/lib/meetings/queries';
import { NewMeetingForm } from './_components/new-meeting-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('meetings', 'new');

export default async function NewMeetingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requirePermission('meeting.record');
  const [t, units, sp] = await Promise.all([
    getTranslations('meetings'),
    recordableUnits(user),
    searchParams,
  ]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('new')} description={t('newIntro')} />
      <Card>
        {units.length ? (
          <NewMeetingForm units={units} today={cstDay(new Date())} defaultOrgId={sp.orgId} />
        ) : (
          <p className="text-sm text-stone-600">{t('noUnits')}</p>
        )}
      </Card>
    </div>
  );
}
