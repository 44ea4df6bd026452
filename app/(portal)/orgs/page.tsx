import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { orgTreeForUser } from '@/lib/orgs/queries/tree';
import { can } from '@/lib/policy';
import { OrgTree } from './_components/org-tree';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('orgs');

export default async function OrgsPage() {
  const user = await requirePermission('org.read');
  const t = await getTranslations('orgs');
  const tree = await orgTreeForUser(user);
  const manage = can(user, 'org.manage');
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
      <OrgTree roots={tree.roots} total={tree.total} complete={tree.complete} />
    </div>
  );
}
