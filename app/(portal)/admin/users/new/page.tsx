import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { CreateUserForm } from '../_components/user-forms';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('users', 'new');

export default async function NewUserPage() {
  const user = await requirePermission('user.manage', 'global');
  const t = await getTranslations('users');
  return (
    <div>
      <PageHeader title={t('new')} description={t('newIntro')} />
      <CreateUserForm orgs={await unitChoices(user, 'tree')} />
    </div>
  );
}
