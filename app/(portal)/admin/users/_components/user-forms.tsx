'use client';
import { SubmitButton } from '@/components/form-submit';
import { ActionForm } from '@/components/action-form';
import { FormError } from '@/components/form-error';
import { OrgTreePickerField, type OrgChoices } from '@/components/org-tree-picker';
import { Button } from '@/components/ui/button';
import { RunButton } from '@/components/ui/item-row';
import { Field, InputField, PasswordField, Select } from '@/components/ui/field';
import { Options } from '@/components/ui/options';
import { useAction } from '@/components/use-action';
import { useActionForm, lazySchemas } from '@/components/use-action-form';
import { clearHoldAction, resetFactorsAction } from '@/lib/account/factor-actions';
import { ROLES } from '@/lib/policy';
import {
  assignRoleAction,
  createUserAction,
  removeRoleAction,
  resetPasswordAction,
  setUserActiveAction,
  updateUserAction,
} from '@/lib/users/actions';
import type { TUpdateUser } from '@/lib/users/schema';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

const schemas = lazySchemas(() => import('@/lib/users/schema'));

export function CreateUserForm({ orgs }: { orgs: OrgChoices }) {
  const t = useTranslations('users');
  const router = useRouter();
  const { submit, formError, field, busy } = useActionForm(schemas.ZCreateUser, createUserAction, {
    defaultValues: { username: '', name: '', phone: '', email: '', orgId: '', password: '' },
    onSuccess: (d) => router.push(`/admin/users/${d.id}`),
  });
  return (
    <ActionForm submit={submit} error={formError} look="card" testId="user-form">
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="username"
          label={t('fields.username')}
          hint={t('usernameHint')}
          autoCapitalize="none"
          {...field('username')}
        />
        <ProfileFields orgs={orgs} field={field} />
        <PasswordField
          id="password"
          label={t('fields.initialPassword')}
          hint={t('initialPasswordHint')}
          autoComplete="new-password"
          {...field('password')}
        />
      </div>
      <SubmitButton pending={busy}>{t('create')}</SubmitButton>
    </ActionForm>
  );
}

export function EditUserForm({ values, orgs }: { values: TUpdateUser; orgs: OrgChoices }) {
  const t = useTranslations('users');
  const { submit, formError, field, saved, busy } = useActionForm(schemas.ZUpdateUser, updateUserAction, {
    defaultValues: values,
    refresh: true,
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormError message={formError} />
      <ProfileFields orgs={orgs} field={field} />
      <div className="flex items-center gap-3">
        <SubmitButton pending={busy}>{t('save')}</SubmitButton>
        {saved && <span className="text-sm text-green-700">{t('saved')}</span>}
      </div>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations('users');
  const [done, setDone] = useState(false);
  const { form, submit, formError, field, busy } = useActionForm(
    schemas.ZResetPassword,
    resetPasswordAction,
    {
      defaultValues: { id: userId, password: '' },
      onSuccess: () => {
        setDone(true);
        form.reset({ id: userId, password: '' });
      },
    },
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <p className="text-sm text-stone-600">{t('resetHelp')}</p>
      <FormError message={formError} />
      <PasswordField
        id="reset-password"
        label={t('fields.newPassword')}
        autoComplete="new-password"
        {...field('password')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" pending={busy}>
          {t('resetPassword')}
        </SubmitButton>
        {done && <span className="text-sm text-green-700">{t('resetDone')}</span>}
      </div>
    </form>
  );
}

export function ActiveToggle({ userId, active, self }: { userId: string; active: boolean; self: boolean }) {
  const t = useTranslations('users');
  const toggle = useAction(setUserActiveAction, { refresh: true });
  return (
    <div className="space-y-2">
      <p className="text-sm">{active ? t('activeHelp') : t('inactiveHelp')}</p>
      <Button
        type="button"
        variant={active ? 'danger' : 'secondary'}
        disabled={toggle.pending || (self && active)}
        onClick={() => void toggle.run({ id: userId, active: !active })}
      >
        {active ? t('deactivate') : t('activate')}
      </Button>
      <FormError message={toggle.error} />
    </div>
  );
}

export function RolesEditor({
  userId,
  roles,
  orgs,
  grantable = ROLES,
  removable = true,
}: {
  userId: string;
  roles: { id: string; role: string; orgName: string }[];
  orgs: OrgChoices;
  /** The roles this administrator may grant here (the 系统管理员: only a first 安全/审计管理员). */
  grantable?: readonly (typeof ROLES)[number][];
  /** Whether roles can be removed here (the 安全管理员 only). */
  removable?: boolean;
}) {
  const t = useTranslations();
  const remove = useAction(removeRoleAction, { refresh: true });
  const { form, submit, formError, errorOf, field, busy } = useActionForm(
    schemas.ZAssignRole,
    assignRoleAction,
    {
      defaultValues: { userId, role: grantable[0] ?? 'MEMBER', orgId: '' },
      refresh: true,
    },
  );
  return (
    <div className="space-y-3">
      <p className="text-sm text-stone-600">{t('users.rolesHelp')}</p>
      {roles.length === 0 ? (
        <p className="text-sm">{t('users.noRoles')}</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm" data-testid="role-list">
          {roles.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-2 py-1">
              <span>
                {t(`roles.${r.role}`)} · {r.orgName}
              </span>
              {removable && (
                <Button
                  type="button"
                  variant="ghost"
                  disabled={remove.pending}
                  onClick={() => void remove.run({ id: r.id })}
                >
                  {t('users.removeRole')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={remove.error} />
      {grantable.length > 0 && (
        <form onSubmit={submit} noValidate className="space-y-3 border-t border-stone-100 pt-3">
          <FormError message={formError} />
          <Field label={t('users.fields.role')} htmlFor="role" error={errorOf('role')}>
            <Select id="role" {...form.register('role')}>
              <Options items={grantable} label={(r) => t(`roles.${r}`)} />
            </Select>
          </Field>
          <OrgTreePickerField
            id="scopeOrgId"
            label={t('users.fields.scope')}
            hint={t('users.scopeHint')}
            orgs={orgs}
            {...field('orgId')}
          />
          <SubmitButton variant="secondary" pending={busy}>
            {t('users.assignRole')}
          </SubmitButton>
        </form>
      )}
    </div>
  );
}

type ProfileField = 'name' | 'phone' | 'email' | 'orgId';

/** The person's name, contacts and unit: the same fields when an account is created and when it is edited. */
function ProfileFields({
  orgs,
  field,
}: {
  orgs: OrgChoices;
  field: (name: ProfileField) => UseFormRegisterReturn & { error?: string };
}) {
  const t = useTranslations('users');
  return (
    <>
      <InputField id="name" label={t('fields.name')} {...field('name')} />
      <InputField id="phone" label={t('fields.phone')} type="tel" {...field('phone')} />
      <InputField id="email" label={t('fields.email')} type="email" {...field('email')} />
      <OrgTreePickerField id="orgId" label={t('fields.org')} orgs={orgs} {...field('orgId')} />
    </>
  );
}

/** A 安全管理员 removes another person's second factors (a lost phone); they set one up again at next sign-in. */
export function ResetFactorsButton({ userId, has }: { userId: string; has: boolean }) {
  const t = useTranslations('users');
  const [done, setDone] = useState(false);
  const reset = useAction(resetFactorsAction, { refresh: true, onSuccess: () => setDone(true) });
  return (
    <div className="space-y-2 text-sm">
      <p className="text-stone-600">{has ? t('factorsHave') : t('factorsNone')}</p>
      {has && (
        <RunButton action={reset} input={{ userId }} testId="reset-factors">
          {t('resetFactors')}
        </RunButton>
      )}
      {done && (
        <p role="status" className="text-green-800">
          {t('factorsResetDone')}
        </p>
      )}
      <FormError message={reset.error} />
    </div>
  );
}

type Hold = { id: string; reason: string; field: string | null; provider: string | null; when: string };

/** 待确认: first company links held after someone else changed a matching field, or after an unlink (holds.ts). */
export function HoldList({ holds }: { holds: Hold[] }) {
  const t = useTranslations('users');
  const tp = useTranslations('factors.identities.providers');
  const clear = useAction(clearHoldAction, { refresh: true });
  return (
    <div className="space-y-2 text-sm" data-testid="identity-holds">
      <p className="text-stone-600">{t('holdsHelp')}</p>
      <ul className="divide-y divide-stone-100">
        {holds.map((h) => (
          <li key={h.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              {h.reason === 'unlinked'
                ? t('holdUnlinked', { provider: tp(h.provider ?? 'oidc'), when: h.when })
                : t('holdFieldChanged', { field: t(`holdFields.${h.field ?? 'phone'}`), when: h.when })}
            </span>
            <RunButton action={clear} input={{ id: h.id }}>
              {t('clearHold')}
            </RunButton>
          </li>
        ))}
      </ul>
      <FormError message={clear.error} />
    </div>
  );
}
