'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { Options } from '@/components/ui/options';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { LinkButton } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/field';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { createOrgAction, updateOrgAction } from '@/lib/orgs/actions';
import type { TCreateOrg, TUpdateOrg } from '@/lib/orgs/schema';
import { ORG_TYPES } from '@/lib/orgs/rules';

const schemas = lazySchemas(() => import('@/lib/orgs/schema'));

type Candidate = { id: string; name: string; username: string };
type Values = Omit<TCreateOrg, 'parentId'>;

function OrgFields({
  reg,
  errorOf,
  candidates,
}: {
  reg: (name: keyof Values) => object;
  errorOf: (n: string) => string | undefined;
  candidates: Candidate[];
}) {
  const t = useTranslations('orgs');
  const tph = useTranslations('photos.site');
  const text = (name: keyof Values, max: number, type = 'text') => (
    <Field label={t(`fields.${name}`)} htmlFor={name} error={errorOf(name)}>
      <Input
        id={name}
        type={type}
        maxLength={type === 'text' ? max + 10 : undefined}
        aria-invalid={!!errorOf(name)}
        {...reg(name)}
      />
    </Field>
  );
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        {text('name', 100)}
        {text('shortName', 40)}
        <Field label={t('fields.type')} htmlFor="type" error={errorOf('type')}>
          <Select id="type" {...reg('type')}>
            <Options items={ORG_TYPES} label={(ty) => t(`types.${ty}`)} />
          </Select>
        </Field>
        <Field label={t('fields.status')} htmlFor="status" error={errorOf('status')}>
          <Select id="status" {...reg('status')}>
            <option value="ACTIVE">{t('statuses.ACTIVE')}</option>
            <option value="PREPARING">{t('statuses.PREPARING')}</option>
          </Select>
        </Field>
        <Field
          label={t('fields.secretary')}
          htmlFor="secretaryId"
          error={errorOf('secretaryId')}
          hint={candidates.length ? undefined : t('noCandidates')}
        >
          <Select id="secretaryId" {...reg('secretaryId')}>
            <Options items={candidates} empty={t('none')} label={(c) => `${c.name}（${c.username}）`} />
          </Select>
        </Field>
        {text('sortOrder', 4, 'number')}
      </div>
      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t('project')}</legend>
        <p className="mb-3 text-xs text-stone-500">{t('projectHelp')}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {text('projectName', 120)}
          {text('projectCode', 40)}
          {text('projectLocation', 120)}
          <div />
          {text('projectPlannedStart', 10, 'date')}
          {text('projectPlannedEnd', 10, 'date')}
          {text('projectActualStart', 10, 'date')}
          {text('projectActualEnd', 10, 'date')}
          {text('siteLatitude', 12, 'number')}
          {text('siteLongitude', 12, 'number')}
        </div>
        <p className="mt-2 text-xs text-stone-500">{tph('hint')}</p>
      </fieldset>
    </>
  );
}

export function CreateOrgForm({
  parent,
  candidates,
  defaultType,
}: {
  parent: { id: string; name: string };
  candidates: Candidate[];
  defaultType: string;
}) {
  const t = useTranslations('orgs');
  const router = useRouter();
  const of = useActionForm(schemas.ZCreateOrg, createOrgAction, {
    defaultValues: {
      parentId: parent.id,
      name: '',
      type: defaultType as TCreateOrg['type'],
      status: 'ACTIVE',
      sortOrder: 0,
      secretaryId: '',
    },
    onSuccess: (d) => router.push(`/orgs/${d.id}`),
  });
  return (
    <OrgFormFrame
      of={of}
      candidates={candidates}
      submitLabel={t('create')}
      cancelHref={`/orgs/${parent.id}`}
      intro={t('createUnder', { name: parent.name })}
    />
  );
}

export function EditOrgForm({ values, candidates }: { values: TUpdateOrg; candidates: Candidate[] }) {
  const t = useTranslations('orgs');
  const router = useRouter();
  const of = useActionForm(schemas.ZUpdateOrg, updateOrgAction, {
    defaultValues: values,
    refresh: true,
    onSuccess: (d) => router.push(`/orgs/${d.id}`),
  });
  return (
    <OrgFormFrame of={of} candidates={candidates} submitLabel={t('save')} cancelHref={`/orgs/${values.id}`} />
  );
}

/** The frame both organization forms share: an optional intro, the refusal, the fields, save and cancel. */
function OrgFormFrame({
  of,
  candidates,
  submitLabel,
  cancelHref,
  intro,
}: {
  of: {
    form: { register: (name: never) => object };
    submit: React.FormEventHandler<HTMLFormElement>;
    formError?: string;
    errorOf: (name: string) => string | undefined;
    busy: boolean;
  };
  candidates: Candidate[];
  submitLabel: string;
  cancelHref: string;
  intro?: string;
}) {
  const t = useTranslations('orgs');
  return (
    <ActionForm
      submit={of.submit}
      error={of.formError}
      look="card"
      testId="org-form"
      heading={intro && <p className="text-sm text-stone-600">{intro}</p>}
    >
      <OrgFields reg={(n) => of.form.register(n as never)} errorOf={of.errorOf} candidates={candidates} />
      <div className="flex gap-2">
        <SubmitButton pending={of.busy}>{of.busy ? t('saving') : submitLabel}</SubmitButton>
        <LinkButton href={cancelHref}>{t('cancel')}</LinkButton>
      </div>
    </ActionForm>
  );
}
