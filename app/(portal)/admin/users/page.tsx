import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Pagination } from '@/components/pagination';
import { Badge, PageHeader } from '@/components/ui/card';
import { Input } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/current-user';
import { listUsers } from '@/lib/users/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('users'))('title') };
}

export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string }>;
}) {
  const user = await requirePermission('user.manage', 'global');
  const sp = await searchParams;
  const t = await getTranslations();
  const q = typeof sp.q === 'string' ? sp.q : '';
  const { rows, total, page, pages } = await listUsers(user, { q, page: Number(sp.page) || 1 });
  const now = Date.now();
  const pageHref = (p: number) => `/admin/users?${new URLSearchParams({ q, page: String(p) })}`;
  return (
    <div>
      <PageHeader
        title={t('users.title')}
        description={t('users.intro', { total })}
        actions={
          <LinkButton href="/admin/users/new" variant="primary">
            {t('users.new')}
          </LinkButton>
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
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
        <table className="w-full text-sm" data-testid="users-table">
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th className="p-2">{t('users.fields.name')}</th>
              <th className="p-2">{t('users.fields.username')}</th>
              <th className="hidden p-2 sm:table-cell">{t('users.fields.org')}</th>
              <th className="p-2">{t('users.roles')}</th>
              <th className="p-2">{t('users.state')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id} className="border-t border-stone-100">
                <td className="p-2">
                  <Link href={`/admin/users/${u.id}`} className="text-brand-700 hover:underline">
                    {u.name}
                  </Link>
                </td>
                <td className="p-2 font-mono text-xs">{u.username}</td>
                <td className="hidden p-2 sm:table-cell">{u.org?.name ?? '—'}</td>
                <td className="p-2">{u.roles.map((r) => t(`roles.${r.role}`)).join('、') || '—'}</td>
                <td className="p-2">
                  {!u.active ? (
                    <Badge>{t('users.inactive')}</Badge>
                  ) : u.lockedUntil && u.lockedUntil.getTime() > now ? (
                    <Badge tone="red">{t('users.locked')}</Badge>
                  ) : (
                    <Badge tone="green">{t('users.active')}</Badge>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}
