import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { listOrgsForUser } from '@/lib/orgs/queries';
import { buildTree } from '@/lib/orgs/tree';
import { can } from '@/lib/policy';
import { OrgTree } from './_components/org-tree';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('orgs');

export default async function OrgsPage() {
  const user = await requirePermission('org.read');
  const t = await getTranslations('orgs');
  const rows = await listOrgsForUser(user);
  const manage = can(user, 'org.manage');
  const roots = buildTree(rows);
  return (
    <div>
      <PageHeader
        title={t('title')}
        description={manage ? t('introManage') : t('introRead')}
        actions={
          <>
            {can(user, 'org.export') && (
              <LinkButton href="/api/orgs/export" prefetch={false}>
                {t('export')}
              </LinkButton>
            )}
            {can(user, 'org.import') && <LinkButton href="/orgs/import">{t('import')}</LinkButton>}
          </>
        }
      />
      <OrgTree roots={roots} total={rows.length} />
    </div>
  );
}
