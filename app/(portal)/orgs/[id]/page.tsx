import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Badge, Card, PageHeader, ListCard } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { actionLabel } from '@/lib/i18n/labels';
import { getOrgForUser, lifecycleOf } from '@/lib/orgs/queries';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { LifecycleCard } from '../_components/lifecycle-card';
import { load } from '@/lib/page-guard';
import { can } from '@/lib/policy';
import { ArchiveButton, KeyUnitToggle, MoveForm } from '../_components/org-admin-forms';
import { RobotForms } from '../_components/robot-forms';
import { robotsFor } from '@/lib/channels/queries';
import { pageParams } from '@/lib/route-params';
import { DAY } from '@/lib/calendar';

export const metadata: Metadata = {};

export default async function OrgPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const user = await requireUser();
  const { org, members, memberCount, history, parentReadable, partyMembers } = await load(() =>
    getOrgForUser(user, id),
  );
  const t = await getTranslations();
  const format = await getFormatter();
  const manage = can(user, 'org.manage', org) && org.status !== 'ARCHIVED';
  const year = Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
  const day = (d: Date | null) => (d ? format.dateTime(d, DAY) : '—');
  const robots = can(user, 'robot.manage', org) ? await robotsFor(user, org) : null;
  const partyUnit = ['COMMITTEE', 'GENERAL_BRANCH', 'BRANCH'].includes(org.type);
  const life = partyUnit ? await lifecycleOf(user, org) : null;
  // Where it may move: not into itself or below, not where it is (a search at company scale may offer those; the
  // move refuses them with its reason).
  const moveTargets = manage && org.parentId ? await unitChoices(user, 'orgMove') : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={<span data-testid="org-name">{org.name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge>{t(`orgs.types.${org.type}`)}</Badge>
            <Badge tone={org.status === 'ACTIVE' ? 'green' : org.status === 'PREPARING' ? 'amber' : 'stone'}>
              {t(`orgs.statuses.${org.status}`)}
            </Badge>
            {org.keyUnits.some((k) => k.year === year) && (
              <Badge tone="red">{t('orgs.keyUnitYear', { year })}</Badge>
            )}
            {org.parent &&
              (parentReadable ? (
                <Link className="text-brand-700 underline" href={`/orgs/${org.parent.id}`}>
                  {t('orgs.parent')}: {org.parent.name}
                </Link>
              ) : (
                <span>
                  {t('orgs.parent')}: {org.parent.name}
                </span>
              ))}
          </span>
        }
        actions={
          manage && (
            <>
              <LinkButton href={`/orgs/new?parent=${org.id}`} variant="primary">
                {t('orgs.addChild')}
              </LinkButton>
              <LinkButton href={`/orgs/${org.id}/edit`}>{t('orgs.edit')}</LinkButton>
            </>
          )
        }
      />
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('orgs.details')}>
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
            <dt className="text-stone-500">{t('orgs.fields.shortName')}</dt>
            <dd>{org.shortName ?? '—'}</dd>
            <dt className="text-stone-500">{t('orgs.fields.secretary')}</dt>
            <dd>{org.secretary?.name ?? '—'}</dd>
            <dt className="text-stone-500">{t('orgs.memberTotal')}</dt>
            <dd>{memberCount}</dd>
            <dt className="text-stone-500">{t('orgs.keyUnitYears')}</dt>
            <dd>{org.keyUnits.map((k) => k.year).join('、') || '—'}</dd>
            {org.archivedAt && (
              <>
                <dt className="text-stone-500">{t('orgs.archivedAt')}</dt>
                <dd>{format.dateTime(org.archivedAt, { dateStyle: 'medium' })}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title={t('orgs.project')}>
          {org.projectName ? (
            <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
              <dt className="text-stone-500">{t('orgs.fields.projectName')}</dt>
              <dd>{org.projectName}</dd>
              <dt className="text-stone-500">{t('orgs.fields.projectCode')}</dt>
              <dd>{org.projectCode ?? '—'}</dd>
              <dt className="text-stone-500">{t('orgs.fields.projectLocation')}</dt>
              <dd>
                {org.projectLocation ?? '—'}
                {org.siteLatitude !== null && org.siteLongitude !== null && (
                  <span className="ml-2 text-xs text-stone-500">
                    ({org.siteLatitude}, {org.siteLongitude})
                  </span>
                )}
              </dd>
              <dt className="text-stone-500">{t('orgs.planned')}</dt>
              <dd>
                {day(org.projectPlannedStart)} – {day(org.projectPlannedEnd)}
              </dd>
              <dt className="text-stone-500">{t('orgs.actual')}</dt>
              <dd>
                {day(org.projectActualStart)} – {day(org.projectActualEnd)}
              </dd>
            </dl>
          ) : (
            <p className="text-sm text-stone-600">{t('orgs.noProject')}</p>
          )}
        </Card>
      </div>
      {life && (
        <LifecycleCard
          orgId={org.id}
          life={life}
          manage={manage}
          close={can(user, 'org.close', org) && org.status !== 'ARCHIVED'}
        />
      )}
      {robots && (
        <Card title={t('robots.title')}>
          <RobotForms orgId={org.id} robots={robots} />
        </Card>
      )}
      <ListCard
        title={t('orgs.children', { count: org.children.length })}
        items={org.children}
        empty={t('orgs.noChildren')}
        item={(c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <Link href={`/orgs/${c.id}`} className="text-brand-700 hover:underline">
              {c.name}
            </Link>
            <span className="flex gap-1">
              <Badge>{t(`orgs.types.${c.type}`)}</Badge>
              {c.status !== 'ACTIVE' && <Badge>{t(`orgs.statuses.${c.status}`)}</Badge>}
            </span>
          </li>
        )}
      />
      <Card
        title={
          partyUnit
            ? t('orgs.partyMembers', {
                total: partyMembers.full + partyMembers.probationary,
                full: partyMembers.full,
                probationary: partyMembers.probationary,
                accounts: memberCount,
              })
            : t('orgs.members', { count: memberCount })
        }
      >
        {members.length === 0 ? (
          <p className="text-sm text-stone-600">{t('orgs.noMembers')}</p>
        ) : (
          <ul className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4" data-testid="org-members">
            {members.map((m) => (
              <li key={m.id} className={m.active ? '' : 'text-stone-500'}>
                {m.name}
                {m.roles
                  .filter((r) => r.orgId === org.id && r.role !== 'MEMBER')
                  .map((r) => (
                    <span key={r.role} className="ml-1 text-xs text-brand-700">
                      {t(`roles.${r.role}`)}
                    </span>
                  ))}
              </li>
            ))}
          </ul>
        )}
        {memberCount > members.length && (
          <p className="mt-2 text-xs text-stone-500">
            {t('orgs.membersTruncated', { shown: members.length })}
          </p>
        )}
      </Card>
      {manage && (
        <Card title={t('orgs.manageTitle')}>
          <div className="space-y-4">
            <KeyUnitToggle orgId={org.id} year={year} isKey={org.keyUnits.some((k) => k.year === year)} />
            {org.parentId && (
              <MoveForm
                orgId={org.id}
                targets={{
                  ...moveTargets!,
                  units: moveTargets!.units.filter(
                    (o) => !o.path.startsWith(org.path) && o.id !== org.parentId,
                  ),
                }}
              />
            )}
            {org.parentId && <ArchiveButton orgId={org.id} />}
          </div>
        </Card>
      )}
      <ListCard
        title={t('orgs.history')}
        items={history}
        empty={t('orgs.noHistory')}
        testId="org-history"
        item={(h) => (
          <li key={String(h.id)} className="flex flex-wrap justify-between gap-2 py-2">
            <span>
              {actionLabel(t, h.action)} · {h.actorName ?? t('audit.system')}
            </span>
            <span className="text-stone-500">
              {format.dateTime(h.at, { dateStyle: 'short', timeStyle: 'short' })}
            </span>
          </li>
        )}
      />
    </div>
  );
}
