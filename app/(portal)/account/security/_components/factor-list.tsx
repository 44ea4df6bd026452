'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { RecoveryCodes } from '@/components/factors/recovery-codes';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import {
  removePasskeyAction,
  removeTotpAction,
  renewRecoveryCodesAction,
} from '@/lib/account/factor-actions';

type Passkey = { id: string; name: string; since: string; lastUsed: string | null };

export function FactorList({
  totp,
  passkeys,
  recoveryLeft,
}: {
  totp: string | null;
  passkeys: Passkey[];
  recoveryLeft: number;
}) {
  const t = useTranslations('factors');
  const [codes, setCodes] = useState<string[] | null>(null);
  const removeTotp = useAction(removeTotpAction, { refresh: true });
  const removePasskey = useAction(removePasskeyAction, { refresh: true });
  const renew = useAction(renewRecoveryCodesAction, { onSuccess: (d) => setCodes(d.recoveryCodes) });
  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />;
  const none = !totp && passkeys.length === 0;
  return (
    <div className="space-y-3 text-sm">
      {none && <p className="text-stone-600">{t('none')}</p>}
      <ul className="divide-y divide-stone-100" data-testid="factor-list">
        {totp && (
          <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="factor-totp">
            <div>
              <div className="font-medium">{t('totp.title')}</div>
              <div className="text-stone-600">{t('since', { when: totp })}</div>
            </div>
            <Button
              type="button"
              variant="secondary"
              disabled={removeTotp.pending}
              onClick={() => void removeTotp.run({})}
            >
              {t('remove')}
            </Button>
          </li>
        )}
        {passkeys.map((p) => (
          <li
            key={p.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
            data-testid="factor-passkey"
          >
            <div>
              <div className="font-medium">{p.name}</div>
              <div className="text-stone-600">
                {t('since', { when: p.since })}
                {p.lastUsed && ` · ${t('lastUsed', { when: p.lastUsed })}`}
              </div>
            </div>
            <Button
              type="button"
              variant="secondary"
              disabled={removePasskey.pending}
              onClick={() => void removePasskey.run({ id: p.id })}
            >
              {t('remove')}
            </Button>
          </li>
        ))}
      </ul>
      <FormError message={removeTotp.error ?? removePasskey.error} />
      {!none && (
        <div className="space-y-2 border-t border-stone-100 pt-3">
          <p className="text-stone-700" data-testid="recovery-left">
            {t('recovery.left', { n: recoveryLeft })}
          </p>
          <Button
            type="button"
            variant="secondary"
            disabled={renew.pending}
            onClick={() => void renew.run({})}
          >
            {t('recovery.renew')}
          </Button>
          <FormError message={renew.error} />
        </div>
      )}
    </div>
  );
}
