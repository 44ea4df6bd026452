import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { PublishForm } from './_components/publish-form';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('announcements', 'new');

export default async function NewAnnouncementPage() {
  const user = await requirePermission('announcement.manage');
  const [t, orgs] = await Promise.all([getTranslations('announcements'), unitChoices(user, 'addressable')]);
  return (
    <div className="space-y-4">
      <PageHeader title={t('new')} description={t('newIntro')} />
      <Card>
        <PublishForm orgs={orgs} />
      </Card>
    </div>
  );
}
