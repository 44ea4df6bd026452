import { getTranslations } from 'next-intl/server';
import { LinkButton } from '@/components/ui/button';
import { Pagination } from '@/components/pagination';
import { Table } from '@/components/ui/table';
import { Badge, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/users/queries';
import { can } from '@/lib/policy';
import { pageTitle } from '@/lib/page-title';
import { pageNumber } from '@/lib/search-params';

export const generateMetadata = pageTitle('users');

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const user = await requirePermission('user.read', 'global');
  const sp = await searchParams;
  const t = await getTranslations();
  const q = typeof sp.q === 'string' ? sp.q : '';
  const { rows, total, page, pages } = await listUsers(user, { q, page: pageNumber(sp.page) });
  const now = Date.now();
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ q, page: String(p) })}`;
  return (
    <div>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro', { total })}
        actions={
          can(user, 'user.manage', 'global') && (
            <LinkButton href="/admin/users/new" variant="primary">
              {t('users.new')}
            </LinkButton>
          )
        }
      />
      <form className="mb-3 flex gap-2" role="search">
        <Input
          name="q"
          defaultValue={q}
          placeholder={t('users.searchPlaceholder')}
          className="max-w-xs"
          aria-label={t('users.search')}
        />
        <button type="submit" className="min-h-11 rounded-md border border-stone-300 bg-white px-4 text-sm">
          {t('users.search')}
        </button>
      </form>
      <Table
        testId="users-table"
        rows={rows}
        rowKey={(u) => u.id}
        empty={t('users.none')}
        columns={[
          {
            key: 'name',
            header: t('users.fields.name'),
            href: (u) => `/admin/users/${u.id}`,
            cell: (u) => u.name,
          },
          {
            key: 'username',
            header: t('users.fields.username'),
            className: 'font-mono text-xs',
            cell: (u) => u.username,
          },
          { key: 'org', header: t('users.fields.org'), deskOnly: true, cell: (u) => u.org?.name ?? '—' },
          {
            key: 'roles',
            header: t('users.roles'),
            cell: (u) => u.roles.map((r) => t(`roles.${r.role}`)).join('、') || '—',
          },
          {
            key: 'state',
            header: t('users.state'),
            cell: (u) =>
              !u.active ? (
                <Badge>{t('users.inactive')}</Badge>
              ) : u.lockedUntil && u.lockedUntil.getTime() > now ? (
                <Badge tone="red">{t('users.locked')}</Badge>
              ) : (
                <Badge tone="green">{t('users.active')}</Badge>
              ),
          },
        ]}
      />
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}
