import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { getOrgForUser, secretaryCandidates } from '@/lib/orgs/queries';
import { load } from '@/lib/page-guard';
import { assertCan } from '@/lib/policy';
import { CreateOrgForm } from '../_components/org-form';
import { pageTitle } from '@/lib/page-title';
import { isUuid } from '@/lib/validation';

export const generateMetadata = pageTitle('orgs', 'newTitle');

const CHILD_DEFAULT: Record<string, string> = {
  COMMITTEE: 'BRANCH',
  GENERAL_BRANCH: 'BRANCH',
  BRANCH: 'PARTY_GROUP',
};

export default async function NewOrgPage({ searchParams }: { searchParams: Promise<{ parent?: string }> }) {
  const { parent } = await searchParams;
  if (!isUuid(parent)) notFound();
  const user = await requireUser();
  const { org } = await load(async () => {
    const r = await getOrgForUser(user, parent);
    assertCan(user, 'org.manage', r.org);
    return r;
  });
  const t = await getTranslations('orgs');
  const candidates = await secretaryCandidates(user, org.path);
  return (
    <div>
      <PageHeader title={t('newTitle')} />
      <CreateOrgForm
        parent={{ id: org.id, name: org.name }}
        candidates={candidates}
        defaultType={CHILD_DEFAULT[org.type] ?? 'BRANCH'}
      />
    </div>
  );
}
