import { getTranslations } from 'next-intl/server';
import { PortalPage } from '@/components/page/portal-page';
import { Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { isDemoDatabase } from '@/lib/demo';
import { pageTitle } from '@/lib/page-title';
import { ADMIN_ROLES, ROLES } from '@/lib/policy';
import { readSecuritySettings } from '@/lib/security/settings';
import { SecuritySettingsForm } from './_components/security-settings-form';

export const generateMetadata = pageTitle('securitySettings');

/** The 安全管理员's settings: sessions, passwords, second factors (who must have one). */
export default async function SecuritySettingsPage() {
  const user = await requirePermission('security.manage', 'global');
  const [t, values, demo] = await Promise.all([
    getTranslations('securitySettings'),
    readSecuritySettings(db, user),
    isDemoDatabase(db),
  ]);
  return (
    <PortalPage title={t('title')} description={t('intro')}>
      <Card>
        <SecuritySettingsForm values={values} roles={[...ROLES]} adminRoles={[...ADMIN_ROLES]} demo={demo} />
      </Card>
    </PortalPage>
  );
}
