'use client';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { RecoveryCodes } from '@/components/factors/recovery-codes';
import { FormError } from '@/components/form-error';
import { ItemRow, RunButton } from '@/components/ui/item-row';
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
          <ItemRow testId="factor-totp" title={t('totp.title')} detail={t('since', { when: totp })}>
            <RunButton action={removeTotp} input={{}}>
              {t('remove')}
            </RunButton>
          </ItemRow>
        )}
        {passkeys.map((p) => (
          <ItemRow
            key={p.id}
            testId="factor-passkey"
            title={p.name}
            detail={
              <>
                {t('since', { when: p.since })}
                {p.lastUsed && ` · ${t('lastUsed', { when: p.lastUsed })}`}
              </>
            }
          >
            <RunButton action={removePasskey} input={{ id: p.id }}>
              {t('remove')}
            </RunButton>
          </ItemRow>
        ))}
      </ul>
      <FormError message={removeTotp.error ?? removePasskey.error} />
      {!none && (
        <div className="space-y-2 border-t border-stone-100 pt-3">
          <p className="text-stone-700" data-testid="recovery-left">
            {t('recovery.left', { n: recoveryLeft })}
          </p>
          <RunButton action={renew} input={{}}>
            {t('recovery.renew')}
          </RunButton>
          <FormError message={renew.error} />
        </div>
      )}
    </div>
  );
}
