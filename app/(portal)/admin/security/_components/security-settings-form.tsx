'use client';
import { SubmitButton } from '@/components/form-submit';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
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
  const fe = save.fieldErrors;
  const toggleRole = (r: Role, on: boolean) =>
    setV({
      ...v,
      factors: {
        ...v.factors,
        requiredRoles: on ? [...v.factors.requiredRoles, r] : v.factors.requiredRoles.filter((x) => x !== r),
      },
    });
  type Numbers = Pick<SecuritySettings, 'passwords' | 'sessions' | 'retention'>;
  /** A number setting's props: its label and error by `section.key`, its value and how it changes. */
  const num = <S extends keyof Numbers>(
    section: S,
    key: keyof Numbers[S] & string,
    range: [number, number],
  ) => ({
    id: key,
    label: t(`${section}.${key}` as never),
    range,
    value: v[section][key] as number,
    error: fe[`${section}.${key}`],
    onChange: (n: number) => setV({ ...v, [section]: { ...v[section], [key]: n } }),
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
        <NumberSetting {...num('passwords', 'expiryDays', [0, 3650])} hint={t('passwords.expiryHint')} />
        <NumberSetting {...num('passwords', 'warnDays', [0, 90])} />
        <NumberSetting {...num('passwords', 'history', [0, 24])} />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('sessions.title')}</legend>
        <NumberSetting {...num('sessions', 'limit', [1, 20])} id="sessionLimit" />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('retention.title')}</legend>
        <NumberSetting
          {...num('retention', 'days', [180, 3650])}
          id="retentionDays"
          hint={t('retention.hint')}
        />
      </fieldset>
      {!Object.keys(fe).length && <FormError message={save.error} />}
      {saved && (
        <p className="text-sm text-green-800" role="status" data-testid="settings-saved">
          {t('saved')}
        </p>
      )}
      <SubmitButton pending={save.pending}>{t('save')}</SubmitButton>
    </form>
  );
}

/** A whole-number setting; an emptied box is NaN, which the schema refuses with its message. */
function NumberSetting({
  id,
  label,
  hint,
  range: [min, max],
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  range: [number, number];
  value: number;
  error?: string;
  onChange: (n: number) => void;
}) {
  return (
    <Field label={label} htmlFor={id} hint={hint} error={error}>
      <Input
        id={id}
        type="number"
        min={min}
        max={max}
        value={Number.isNaN(value) ? '' : value}
        onChange={(e) => onChange(e.target.value.trim() === '' ? NaN : Number(e.target.value))}
      />
    </Field>
  );
}
