'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { ItemRow } from '@/components/ui/item-row';
import { useAction } from '@/components/use-action';
import { unlinkIdentityAction } from '@/lib/account/actions';
import { adminUnlinkIdentityAction } from '@/lib/account/factor-actions';
import type { IdentityRow } from '@/lib/account/identities';

type Identity = IdentityRow;

/**
 * 单位账号: the company identities linked to an account, each with 解除关联 — one's own on 账号安全, or (admin) another
 * person's on their user page for the 安全管理员 (the server decides either way: lib/account/identities.ts).
 */
export function IdentityList({ identities, admin = false }: { identities: Identity[]; admin?: boolean }) {
  const t = useTranslations('factors.identities');
  const unlink = useAction(admin ? adminUnlinkIdentityAction : unlinkIdentityAction, { refresh: true });
  const confirm = (provider: string) =>
    admin ? t('adminConfirm', { provider }) : t('confirm', { provider });
  return (
    <div className="space-y-3 text-sm">
      <p className="text-stone-600">{admin ? t('adminHelp') : t('intro')}</p>
      {identities.length === 0 && <p className="text-stone-600">{admin ? t('adminNone') : t('none')}</p>}
      <ul className="divide-y divide-stone-100" data-testid="identity-list">
        {identities.map((i) => (
          <ItemRow
            key={i.id}
            testId="identity"
            title={
              <>
                {t(`providers.${i.provider}`)}
                {i.label && <span className="font-normal text-stone-700"> · {i.label}</span>}
              </>
            }
            detail={
              <>
                {t('linkedAt', { when: i.since })}
                {i.lastUsed && ` · ${t('lastUsed', { when: i.lastUsed })}`}
              </>
            }
          >
            <Button
              type="button"
              variant="secondary"
              disabled={unlink.pending}
              onClick={() => {
                if (window.confirm(confirm(t(`providers.${i.provider}`)))) void unlink.run({ id: i.id });
              }}
            >
              {t('unlink')}
            </Button>
          </ItemRow>
        ))}
      </ul>
      <FormError message={unlink.error} />
    </div>
  );
}
