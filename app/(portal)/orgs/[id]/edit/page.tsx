import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { getOrgForUser, secretaryCandidates } from '@/lib/orgs/queries';
import { load } from '@/lib/page-guard';
import { assertCan } from '@/lib/policy';
import { projectFields } from '@/lib/orgs/rules';
import { EditOrgForm } from '../../_components/org-form';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';
import { ymd } from '@/lib/calendar';

export const generateMetadata = pageTitle('orgs', 'editTitle');

export default async function EditOrgPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const user = await requireUser();
  const { org } = await load(async () => {
    const r = await getOrgForUser(user, id);
    assertCan(user, 'org.manage', r.org);
    return r;
  });
  const t = await getTranslations('orgs');
  if (org.status === 'ARCHIVED') redirect(`/orgs/${org.id}`);
  const candidates = await secretaryCandidates(user, org.path);
  return (
    <div>
      <PageHeader title={t('editTitle')} description={org.name} />
      <EditOrgForm
        candidates={candidates}
        values={{
          id: org.id,
          name: org.name,
          shortName: org.shortName ?? '',
          type: org.type,
          sortOrder: org.sortOrder,
          status: org.status === 'PREPARING' ? 'PREPARING' : 'ACTIVE',
          secretaryId: org.secretaryId ?? '',
          ...projectFields(org, (v) => v ?? '', ymd),
          siteLatitude: org.siteLatitude ?? undefined,
          siteLongitude: org.siteLongitude ?? undefined,
        }}
      />
    </div>
  );
}
