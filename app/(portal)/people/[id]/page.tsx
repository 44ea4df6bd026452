import { can } from '@/lib/policy';
import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LinkButton } from '@/components/ui/button';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { actorOf, requireUser } from '@/lib/auth/current-user';
import { CST_DATE_TIME } from '@/lib/calendar';
import { actionLabel } from '@/lib/i18n/labels';
import { load } from '@/lib/page-guard';
import { personFor } from '@/lib/people/queries/roster';
import { transfersOfPerson } from '@/lib/people/queries/transfers';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { addDays, cstDay } from '@/lib/calendar';
import { EDUCATION_KEYS, STAGE_DATES } from '@/lib/people/rules';
import { pageParams } from '@/lib/route-params';
import { AttendanceCard } from '../_components/attendance-card';
import { NextStepBadge } from '../_components/next-step';
import { ProposeTransferForm } from '../_components/transfer-forms';
import { TransferTable } from '../_components/transfer-table';

export const metadata: Metadata = {};

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const user = await requireUser();
  const {
    person: p,
    sensitive,
    canManage,
    next,
    history,
    views,
  } = await load(async () => personFor(user, await actorOf(user), id));
  const transfers = await transfersOfPerson(user, p.id);
  const open = transfers.some((x) => x.status === 'PROPOSED' || x.status === 'ISSUED');
  const targets = canManage && !open && !p.leftOn ? await unitChoices(user, 'transferTarget') : null;
  const t = await getTranslations('people');
  const tt = await getTranslations('transfers');
  const steps = await getTranslations('people.steps');
  const tAll = await getTranslations();
  const format = await getFormatter();
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="grid grid-cols-3 gap-2 border-b border-stone-100 py-2 text-sm last:border-0">
      <dt className="text-stone-500">{label}</dt>
      <dd className="col-span-2" data-testid={testId}>
        {value || '—'}
      </dd>
    </div>
  );
  const stages = STAGE_DATES.filter((d) => p[d]).map((d) => ({ key: d, date: p[d]! }));
  return (
    <div className="space-y-4">
      <PageHeader
        title={<span data-testid="person-name">{p.name}</span>}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={p.status === 'FULL' ? 'green' : undefined}>
              {t(`statuses.${p.status ?? 'NONE'}`)}
            </Badge>
            <span>
              {t('fields.employeeNo')} {p.employeeNo}
            </span>
            <NextStepBadge next={next} t={steps} />
          </span>
        }
        actions={
          canManage && (
            <LinkButton href={`/people/${p.id}/edit`} variant="primary">
              {t('edit')}
            </LinkButton>
          )
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t('profile')}>
          <dl>
            {row(t('fields.gender'), p.gender ? t(`genders.${p.gender}`) : null)}
            {row(t('fields.birthDate'), p.birthDate)}
            {row(
              t('fields.education'),
              p.education && EDUCATION_KEYS[p.education]
                ? t(`educations.${EDUCATION_KEYS[p.education]}`)
                : p.education,
            )}
            {row(
              t('fields.phone'),
              <span className="font-mono">
                {p.phone}
                {!sensitive && p.phone && <span className="ml-2 text-xs text-stone-500">{t('masked')}</span>}
              </span>,
              'person-phone',
            )}
            {row(
              t('fields.org'),
              // A member or an auditor may not open the unit's page: its name, not a link to a 403.
              can(user, 'org.read', p.org) ? (
                <Link href={`/orgs/${p.org.id}`} className="text-brand-700 hover:underline">
                  {p.org.name}
                </Link>
              ) : (
                p.org.name
              ),
            )}
            {row(t('fields.partyGroup'), p.partyGroup?.name)}
            {row(t('fields.workOrg'), p.workOrg ? p.workOrg.name : t('sameUnit'))}
            {row(t('fields.posts'), p.posts.map((x) => t(`posts.${x}`)).join('、'))}
            {row(t('fields.introducers'), p.introducers)}
            {row(t('fields.contacts'), p.contacts)}
            {row(
              t('account'),
              p.user ? (
                <span>
                  {p.user.id ? (
                    <Link href={`/admin/users/${p.user.id}`} className="text-brand-700 hover:underline">
                      {p.user.username}
                    </Link>
                  ) : (
                    p.user.username
                  )}
                  {!p.user.active && <Badge>{t('accountInactive')}</Badge>}
                </span>
              ) : (
                t('noAccount')
              ),
            )}
          </dl>
        </Card>
        <Card title={t('timeline')}>
          {stages.length === 0 ? (
            <p className="text-sm text-stone-600">{t('noStages')}</p>
          ) : (
            <ol className="space-y-2 border-l-2 border-brand-100 pl-4" data-testid="person-stages">
              {stages.map((s) => (
                <li key={s.key} className="text-sm">
                  <span className="font-mono text-stone-500">{s.date}</span> {t(`fields.${s.key}`)}
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
      <AttendanceCard user={user} person={p} year={Number(cstDay(new Date()).slice(0, 4))} />
      <Card title={tt('ofPerson')}>
        <div className="space-y-4">
          {transfers.length > 0 && (
            <TransferTable
              rows={transfers}
              testId="person-transfers"
              withPerson={false}
              defaultUntil={addDays(cstDay(new Date()), 30)}
            />
          )}
          {targets && targets.units.length > 0 ? (
            <ProposeTransferForm
              personId={p.id}
              targets={{ ...targets, units: targets.units.filter((o) => o.id !== p.org.id) }}
            />
          ) : (
            transfers.length === 0 && <p className="text-sm text-stone-600">{tt('noneForPerson')}</p>
          )}
        </div>
      </Card>
      <Card title={t('history')}>
        <p className="mb-2 text-xs text-stone-500">{t('viewsTraced', { count: views })}</p>
        {history.length === 0 ? (
          <p className="text-sm text-stone-600">{t('noHistory')}</p>
        ) : (
          <ul className="divide-y divide-stone-100 text-sm" data-testid="person-history">
            {history.map((e) => (
              <li key={e.id} className="py-2">
                <span className="text-stone-500">{format.dateTime(e.at, CST_DATE_TIME)}</span>{' '}
                {e.actorName ?? '—'} · {actionLabel(tAll, e.action)}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
