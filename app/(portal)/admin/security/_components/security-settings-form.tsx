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
        <NumberSetting
          id="expiryDays"
          label={t('passwords.expiryDays')}
          hint={t('passwords.expiryHint')}
          range={[0, 3650]}
          value={v.passwords.expiryDays}
          error={fe['passwords.expiryDays']}
          onChange={(n) => setV({ ...v, passwords: { ...v.passwords, expiryDays: n } })}
        />
        <NumberSetting
          id="warnDays"
          label={t('passwords.warnDays')}
          range={[0, 90]}
          value={v.passwords.warnDays}
          error={fe['passwords.warnDays']}
          onChange={(n) => setV({ ...v, passwords: { ...v.passwords, warnDays: n } })}
        />
        <NumberSetting
          id="history"
          label={t('passwords.history')}
          range={[0, 24]}
          value={v.passwords.history}
          error={fe['passwords.history']}
          onChange={(n) => setV({ ...v, passwords: { ...v.passwords, history: n } })}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('sessions.title')}</legend>
        <NumberSetting
          id="sessionLimit"
          label={t('sessions.limit')}
          range={[1, 20]}
          value={v.sessions.limit}
          error={fe['sessions.limit']}
          onChange={(n) => setV({ ...v, sessions: { limit: n } })}
        />
      </fieldset>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t('retention.title')}</legend>
        <NumberSetting
          id="retentionDays"
          label={t('retention.days')}
          hint={t('retention.hint')}
          range={[180, 3650]}
          value={v.retention.days}
          error={fe['retention.days']}
          onChange={(n) => setV({ ...v, retention: { days: n } })}
        />
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
