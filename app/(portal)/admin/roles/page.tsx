import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { Badge, PageHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { requirePermission } from '@/lib/auth/current-user';
import { ROLES } from '@/lib/policy';
import { listRoleAssignments } from '@/lib/users/queries';
import { pageTitle } from '@/lib/page-title';
import { Pagination } from '@/components/pagination';
import { listQuery, pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('users', 'roleAssignments');

export default async function RolesPage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string; page?: string }>;
}) {
  const user = await requirePermission('role.assign', 'global');
  const { role, page } = await searchParams;
  const chosen = (ROLES as readonly string[]).includes(role ?? '') ? role : undefined;
  const { rows, ...paging } = await listRoleAssignments(user, chosen, pageNumber(page));
  const t = await getTranslations();
  return (
    <div>
      <PageHeader title={t('users.roleAssignments')} description={t('users.roleAssignmentsIntro')} />
      <nav className="mb-3 flex flex-wrap gap-2 text-sm" aria-label={t('users.fields.role')}>
        <Link
          href="/admin/roles"
          className={`rounded-full px-3 py-2 ${!chosen ? 'bg-brand-700 text-white' : 'bg-white border border-stone-300'}`}
        >
          {t('users.allRoles')}
        </Link>
        {ROLES.map((r) => (
          <Link
            key={r}
            href={`/admin/roles?role=${r}`}
            className={`rounded-full px-3 py-2 ${chosen === r ? 'bg-brand-700 text-white' : 'bg-white border border-stone-300'}`}
          >
            {t(`roles.${r}`)}
          </Link>
        ))}
      </nav>
      <Table
        testId="roles-table"
        rows={rows}
        rowKey={(r) => r.id}
        empty={t('users.noRoleAssignments')}
        columns={[
          { key: 'role', header: t('users.fields.role'), cell: (r) => t(`roles.${r.role}`) },
          {
            key: 'user',
            header: t('users.fields.name'),
            cell: (r) => (
              <>
                <Link
                  href={`/admin/users/${r.user.id}`}
                  className="text-brand-700 underline underline-offset-2"
                >
                  {r.user.name}
                </Link>{' '}
                <span className="font-mono text-xs text-stone-500">{r.user.username}</span>{' '}
                {!r.user.active && <Badge>{t('users.inactive')}</Badge>}
              </>
            ),
          },
          { key: 'scope', header: t('users.fields.scope'), cell: (r) => r.org.name },
        ]}
      />
      <Pagination
        page={paging.page}
        pages={paging.pages}
        href={(p) => `/admin/roles?${listQuery({ role: chosen }, { page: String(p) })}`}
      />
    </div>
  );
}
