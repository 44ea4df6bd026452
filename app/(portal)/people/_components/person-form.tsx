'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { OrgTreePicker, type OrgChoices } from '@/components/org-tree-picker';
import { FormError } from '@/components/form-error';
import { LinkButton } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { createPersonAction, updatePersonAction } from '@/lib/people/actions';
import {
  EDUCATION_KEYS,
  EDUCATIONS,
  GENDERS,
  PARTY_POSTS,
  PARTY_STATUSES,
  STAGE_DATES,
} from '@/lib/people/rules';
import type { TCreatePerson } from '@/lib/people/schema';

const schemas = lazySchemas(() => import('@/lib/people/schema'));

/** lib/people/queries/roster peopleOptions: the units to choose from, the party groups of the chosen unit. */
export type PersonOptions = {
  partyUnits: OrgChoices;
  workUnits: OrgChoices;
  groups: { id: string; name: string }[];
};

type Groups = { orgId: string | undefined; list: { id: string; name: string }[]; failed?: boolean };

/** The party groups of the chosen unit: the server's for the unit the form opened with, asked for any other. */
function useGroupsOf(orgId: string | undefined, initial: Groups) {
  const [groups, setGroups] = useState(initial);
  useEffect(() => {
    // No unit: no groups (the form shows only the chosen unit's).
    if (!orgId || orgId === groups.orgId) return;
    const ctl = new AbortController();
    fetch(`/api/orgs/choices?for=partyGroup&parent=${encodeURIComponent(orgId)}`, { signal: ctl.signal })
      .then((r) => (r.ok ? (r.json() as Promise<{ groups: Groups['list'] }>) : Promise.reject(new Error())))
      .then((d) => setGroups({ orgId, list: d.groups }))
      .catch(() => {
        if (!ctl.signal.aborted) setGroups({ orgId, list: [], failed: true });
      });
    return () => ctl.abort();
  }, [orgId, groups.orgId]);
  return groups;
}

/** Create (no `id`) or edit a person; the same schema checks the fields here and on the server. */
export function PersonForm({
  options,
  values,
}: {
  options: PersonOptions;
  values: Partial<TCreatePerson> & { id?: string };
}) {
  const t = useTranslations('people');
  const router = useRouter();
  const editing = !!values.id;
  const { form, submit, formError, errorOf, busy } = useActionForm(
    editing ? schemas.ZUpdatePerson : schemas.ZCreatePerson,
    (input) => (editing ? updatePersonAction(input as never) : createPersonAction(input as never)),
    {
      defaultValues: { posts: [], ...values } as never,
      onSuccess: (d: { id: string }) => router.push(`/people/${d.id}`),
    },
  );
  const reg = (name: string) => form.register(name as never);
  const orgId = form.watch('orgId' as never) as unknown as string | undefined;
  const groups = useGroupsOf(orgId || undefined, {
    orgId: (values.orgId as string | undefined) || undefined,
    list: options.groups,
  });
  const text = (name: keyof TCreatePerson, type = 'text', extra: object = {}) => (
    <Field label={t(`fields.${name}`)} htmlFor={name} error={errorOf(name)}>
      <Input id={name} type={type} aria-invalid={!!errorOf(name)} {...extra} {...reg(name)} />
    </Field>
  );
  return (
    <form onSubmit={submit} className="space-y-4" noValidate data-testid="person-form">
      <FormError message={formError} />
      <fieldset className="grid gap-4 rounded-md border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t('basic')}</legend>
        {text('employeeNo', 'text', { autoComplete: 'off' })}
        {text('name')}
        <Field label={t('fields.gender')} htmlFor="gender" error={errorOf('gender')}>
          <Select id="gender" {...reg('gender')}>
            <Options items={GENDERS} empty="—" label={(g) => t(`genders.${g}`)} />
          </Select>
        </Field>
        {text('birthDate', 'date')}
        {text('phone', 'tel', { inputMode: 'tel' })}
        <Field label={t('fields.education')} htmlFor="education" error={errorOf('education')}>
          <Select id="education" {...reg('education')}>
            <Options items={EDUCATIONS} empty="—" label={(e) => t(`educations.${EDUCATION_KEYS[e]}`)} />
          </Select>
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t('party')}</legend>
        <Field label={t('fields.status')} htmlFor="status" error={errorOf('status')}>
          <Select id="status" aria-invalid={!!errorOf('status')} {...reg('status')}>
            <Options items={PARTY_STATUSES} empty={t('choose')} label={(s) => t(`statuses.${s}`)} />
          </Select>
        </Field>
        <div className="hidden sm:block" />
        {STAGE_DATES.map((d) => (
          <div key={d}>{text(d, 'date')}</div>
        ))}
        {text('talkOn', 'date')}
        {text('politicalReviewOn', 'date')}
        {text('trainingDays', 'number', { min: 0, max: 60 })}
        {text('trainingHours', 'number', { min: 0, max: 500 })}
        {text('approvedOn', 'date')}
        {text('probationExtendedMonths', 'number', { min: 6, max: 12 })}
        {text('introducers')}
        {text('contacts')}
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-stone-700">{t('fields.posts')}</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {PARTY_POSTS.map((p) => (
              <label key={p} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" value={p} {...reg('posts')} className="h-5 w-5" />
                {t(`posts.${p}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium">{t('units')}</legend>
        <p className="text-xs text-stone-500 sm:col-span-2">{t('unitsHelp')}</p>
        <Field label={t('fields.org')} htmlFor="orgId" error={errorOf('orgId')}>
          <OrgTreePicker
            id="orgId"
            aria-invalid={!!errorOf('orgId')}
            orgs={options.partyUnits}
            emptyLabel={t('choose')}
            {...reg('orgId')}
            onChange={(e) => {
              // Another unit: the party group chosen under the last one is no longer one of its groups.
              form.setValue('partyGroupId' as never, '' as never);
              return reg('orgId').onChange(e);
            }}
          />
        </Field>
        <Field
          label={t('fields.partyGroup')}
          htmlFor="partyGroupId"
          error={errorOf('partyGroupId') ?? (groups.failed ? t('groupsFailed') : undefined)}
        >
          <Select id="partyGroupId" {...reg('partyGroupId')}>
            <Options
              items={groups.orgId === (orgId || undefined) ? groups.list : []}
              label={(g) => g.name}
              empty={t('noGroup')}
            />
          </Select>
        </Field>
        <Field
          label={t('fields.workOrg')}
          htmlFor="workOrgId"
          error={errorOf('workOrgId')}
          hint={t('workOrgHint')}
        >
          <OrgTreePicker
            id="workOrgId"
            orgs={options.workUnits}
            emptyLabel={t('sameUnit')}
            {...reg('workOrgId')}
          />
        </Field>
      </fieldset>
      <div className="flex gap-2">
        <SubmitButton variant="primary" pending={busy}>
          {busy ? t('saving') : editing ? t('save') : t('create')}
        </SubmitButton>
        <LinkButton href={editing ? `/people/${values.id}` : '/people'}>{t('cancel')}</LinkButton>
      </div>
    </form>
  );
}
