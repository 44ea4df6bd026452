import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { getOrgForUser, secretaryCandidates } from '@/lib/orgs/queries';
import { load } from '@/lib/page-guard';
import { assertCan } from '@/lib/policy';
import { EditOrgForm } from '../../_components/org-form';
import { pageParams } from '@/lib/route-params';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('orgs', 'editTitle');

const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

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
          projectName: org.projectName ?? '',
          projectCode: org.projectCode ?? '',
          projectLocation: org.projectLocation ?? '',
          projectPlannedStart: ymd(org.projectPlannedStart),
          projectPlannedEnd: ymd(org.projectPlannedEnd),
          projectActualStart: ymd(org.projectActualStart),
          projectActualEnd: ymd(org.projectActualEnd),
          siteLatitude: org.siteLatitude ?? undefined,
          siteLongitude: org.siteLongitude ?? undefined,
        }}
      />
    </div>
  );
}
