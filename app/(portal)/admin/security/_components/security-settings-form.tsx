'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { useAction } from '@/components/use-action';
import { saveSecuritySettingsAction } from '@/lib/security/actions';
import type { SecuritySettings } from '@/lib/security/settings';

type Role = SecuritySettings['factors']['requiredRoles'][number];

export function SecuritySettingsForm({
  values,
  roles,
  adminRoles,
  demo,
}: {
  values: SecuritySettings;
  roles: Role[];
  adminRoles: Role[];
  demo: boolean;
}) {
  const t = useTranslations('securitySettings');
  const tr = useTranslations('roles');
  const [v, setV] = useState(values);
  const [saved, setSaved] = useState(false);
  const save = useAction(saveSecuritySettingsAction, { onSuccess: () => setSaved(true), refresh: true });
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const fe = save.fieldErrors;
  const toggleRole = (r: Role, on: boolean) =>
    setV({
      ...v,
      factors: {
        ...v.factors,
        requiredRoles: on ? [...v.factors.requiredRoles, r] : v.factors.requiredRoles.filter((x) => x !== r),
      },
    });
  return (
    <form
      className="space-y-6"
      data-testid="security-settings"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void save.run(v);
      }}
    >
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t('factors.title')}</legend>
        <p className="text-sm text-stone-600">{t('factors.intro')}</p>
        <div className="grid gap-2 sm:grid-cols-2">
          {roles.map((r) => (
            <label key={r} className="flex min-h-11 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name={`required-${r}`}
                checked={adminRoles.includes(r) || v.factors.requiredRoles.includes(r)}
                disabled={adminRoles.includes(r)}
                onChange={(e) => toggleRole(r, e.target.checked)}
              />
              {tr(r)}
            </label>
          ))}
        </div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="everyone"
            checked={v.factors.everyone}
            onChange={(e) => setV({ ...v, factors: { ...v.factors, everyone: e.target.checked } })}
          />
          {t('factors.everyone')}
        </label>
        {(demo || v.factors.demoExempt) && (
          <label
            className="flex min-h-11 items-center gap-2 rounded-md bg-amber-50 px-2 text-sm text-amber-900"
            data-testid="demo-exempt"
          >
            <input
              type="checkbox"
              name="demoExempt"
              checked={v.factors.demoExempt}
              onChange={(e) => setV({ ...v, factors: { ...v.factors, demoExempt: e.target.checked } })}
            />
            {t('factors.demoExempt')}
          </label>
        )}
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('passwords.title')}</legend>
        <Field
          label={t('passwords.expiryDays')}
          htmlFor="expiryDays"
          hint={t('passwords.expiryHint')}
          error={fe['passwords.expiryDays']}
        >
          <Input
            id="expiryDays"
            type="number"
            min={0}
            max={3650}
            value={Number.isNaN(v.passwords.expiryDays) ? '' : v.passwords.expiryDays}
            onChange={(e) => setV({ ...v, passwords: { ...v.passwords, expiryDays: num(e.target.value) } })}
          />
        </Field>
        <Field label={t('passwords.warnDays')} htmlFor="warnDays" error={fe['passwords.warnDays']}>
          <Input
            id="warnDays"
            type="number"
            min={0}
            max={90}
            value={Number.isNaN(v.passwords.warnDays) ? '' : v.passwords.warnDays}
            onChange={(e) => setV({ ...v, passwords: { ...v.passwords, warnDays: num(e.target.value) } })}
          />
        </Field>
        <Field label={t('passwords.history')} htmlFor="history" error={fe['passwords.history']}>
          <Input
            id="history"
            type="number"
            min={0}
            max={24}
            value={Number.isNaN(v.passwords.history) ? '' : v.passwords.history}
            onChange={(e) => setV({ ...v, passwords: { ...v.passwords, history: num(e.target.value) } })}
          />
        </Field>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('sessions.title')}</legend>
        <Field label={t('sessions.limit')} htmlFor="sessionLimit" error={fe['sessions.limit']}>
          <Input
            id="sessionLimit"
            type="number"
            min={1}
            max={20}
            value={Number.isNaN(v.sessions.limit) ? '' : v.sessions.limit}
            onChange={(e) => setV({ ...v, sessions: { limit: num(e.target.value) } })}
          />
        </Field>
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('retention.title')}</legend>
        <Field
          label={t('retention.days')}
          htmlFor="retentionDays"
          hint={t('retention.hint')}
          error={fe['retention.days']}
        >
          <Input
            id="retentionDays"
            type="number"
            min={180}
            max={3650}
            value={Number.isNaN(v.retention.days) ? '' : v.retention.days}
            onChange={(e) => setV({ ...v, retention: { days: num(e.target.value) } })}
          />
        </Field>
      </fieldset>
      {!Object.keys(fe).length && <FormError message={save.error} />}
      {saved && (
        <p className="text-sm text-green-800" role="status" data-testid="settings-saved">
          {t('saved')}
        </p>
      )}
      <Button type="submit" disabled={save.pending}>
        {t('save')}
      </Button>
    </form>
  );
}
