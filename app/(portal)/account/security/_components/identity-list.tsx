'use client';
import { useTranslations } from 'next-intl';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { useAction } from '@/components/use-action';
import { unlinkIdentityAction } from '@/lib/account/actions';

type Identity = {
  id: string;
  provider: string;
  label: string | null;
  since: string;
  lastUsed: string | null;
};

/** 单位账号: the company identities linked to one's account, each with 解除关联. */
export function IdentityList({ identities }: { identities: Identity[] }) {
  const t = useTranslations('factors.identities');
  const unlink = useAction(unlinkIdentityAction, { refresh: true });
  return (
    <div className="space-y-3 text-sm">
      <p className="text-stone-600">{t('intro')}</p>
      {identities.length === 0 && <p className="text-stone-600">{t('none')}</p>}
      <ul className="divide-y divide-stone-100" data-testid="identity-list">
        {identities.map((i) => (
          <li
            key={i.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2"
            data-testid="identity"
          >
            <div>
              <div className="font-medium">
                {t(`providers.${i.provider}`)}
                {i.label && <span className="font-normal text-stone-700"> · {i.label}</span>}
              </div>
              <div className="text-stone-600">
                {t('linkedAt', { when: i.since })}
                {i.lastUsed && ` · ${t('lastUsed', { when: i.lastUsed })}`}
              </div>
            </div>
            <Button
              type="button"
              variant="secondary"
              disabled={unlink.pending}
              onClick={() => {
                if (window.confirm(t('confirm', { provider: t(`providers.${i.provider}`) })))
                  void unlink.run({ id: i.id });
              }}
            >
              {t('unlink')}
            </Button>
          </li>
        ))}
      </ul>
      <FormError message={unlink.error} />
    </div>
  );
}
