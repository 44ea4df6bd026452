import { getFormatter, getTranslations } from 'next-intl/server';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { can, mayManageAccount, ROLES } from '@/lib/policy';
import { appointedAdminRoles, getUser } from '@/lib/users/queries';
import { unitChoices } from '@/lib/orgs/queries/choices';
import {
  ActiveToggle,
  EditUserForm,
  HoldList,
  ResetFactorsButton,
  ResetPasswordForm,
  RolesEditor,
} from '../_components/user-forms';
import { pageParams } from '@/lib/route-params';
import { IdentityList } from '@/components/identity-list';
import { identityRow } from '@/lib/account/identities';
import { identitiesOf } from '@/lib/auth/company/holds';
import { db } from '@/lib/db';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('users', 'detail');

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const me = await requirePermission('user.read', 'global');
  const u = await load(() => getUser(me, id));
  const firstAdmins = new Set(await appointedAdminRoles(me));
  const orgs = await unitChoices(me, 'tree', u.orgId ? [u.orgId] : []);
  const identities = await identitiesOf(db, me, u.id);
  const manages = mayManageAccount(me, { id: u.id, roles: u.roles.map((r) => r.role) });
  const assigns = can(me, 'role.assign', 'global');
  const self = u.id === me.id;
  // The 系统管理员 appoints only a first 安全管理员 / 审计管理员 (lib/policy roleGrantRefusal decides on save).
  const grantable = self
    ? []
    : assigns
      ? ROLES
      : can(me, 'user.manage', 'global')
        ? (['SECURITY_ADMIN', 'AUDIT_ADMIN'] as const).filter((r) => !firstAdmins.has(r))
        : [];
  const t = await getTranslations();
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' });
  const locked = u.lockedUntil && u.lockedUntil.getTime() > Date.now();
  return (
    <div className="space-y-4">
      <PageHeader
        title={u.name}
        description={
          <span className="flex flex-wrap gap-2">
            <span className="font-mono">{u.username}</span>
            {!u.active && <Badge>{t('users.inactive')}</Badge>}
            {locked && (
              <Badge tone="red">
                {t('users.lockedUntil', { time: format.dateTime(u.lockedUntil!, { timeStyle: 'short' }) })}
              </Badge>
            )}
            {u.mustChangePassword && <Badge tone="amber">{t('users.mustChange')}</Badge>}
            <span>
              {t('users.lastLogin')}:{' '}
              {u.lastLoginAt
                ? format.dateTime(u.lastLoginAt, { dateStyle: 'short', timeStyle: 'short' })
                : '—'}
            </span>
          </span>
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        {manages ? (
          <Card title={t('users.profile')}>
            <EditUserForm
              orgs={orgs}
              values={{
                id: u.id,
                name: u.name,
                phone: u.phone ?? '',
                email: u.email ?? '',
                orgId: u.orgId ?? '',
              }}
            />
          </Card>
        ) : (
          <Card title={t('users.profile')}>
            <p className="text-sm">{u.org?.name ?? '—'}</p>
          </Card>
        )}
        <div className="space-y-4">
          <Card title={t('users.roles')}>
            <RolesEditor
              userId={u.id}
              roles={u.roles.map((r) => ({ id: r.id, role: r.role, orgName: r.org.name }))}
              orgs={orgs}
              grantable={grantable}
              removable={assigns && !self}
            />
          </Card>
          {can(me, 'factor.reset', 'global') && !self && (
            <Card title={t('users.factors')}>
              <ResetFactorsButton userId={u.id} has={u.hasFactors} />
            </Card>
          )}
          {identities && (
            <Card title={t('users.identities')}>
              <IdentityList admin identities={identities.links.map((i) => identityRow(i, when))} />
            </Card>
          )}
          {identities && identities.holds.length > 0 && (
            <Card title={t('users.holds')}>
              <HoldList
                holds={identities.holds.map((h) => ({
                  id: h.id,
                  reason: h.reason,
                  field: h.field,
                  provider: h.provider,
                  when: when(h.createdAt),
                }))}
              />
            </Card>
          )}
          {manages && (
            <Card title={t('users.resetPassword')}>
              <ResetPasswordForm userId={u.id} />
            </Card>
          )}
          {manages && (
            <Card title={t('users.state')}>
              <ActiveToggle userId={u.id} active={u.active} self={self} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
