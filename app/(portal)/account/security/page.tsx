import { getFormatter, getTranslations } from 'next-intl/server';
import { EnrolFactor } from '@/components/factors/enrol';
import { PortalPage } from '@/components/page/portal-page';
import { Card } from '@/components/ui/card';
import { ownFactors } from '@/lib/account/factors';
import { identityRow, ownIdentities } from '@/lib/account/identities';
import { factorRequired, factorSetting } from '@/lib/auth/factors';
import { requireUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { pageTitle } from '@/lib/page-title';
import { FactorList } from './_components/factor-list';
import { IdentityList } from '@/components/identity-list';

export const generateMetadata = pageTitle('factors');

/** One's own second factors: what is set up, adding another, removing one, new recovery codes. */
export default async function SecurityPage() {
  const user = await requireUser();
  const [t, format, f, setting, identities] = await Promise.all([
    getTranslations('factors'),
    getFormatter(),
    ownFactors(db, user),
    factorSetting(db),
    ownIdentities(db, user),
  ]);
  const when = (d: Date) =>
    format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const required = factorRequired(setting, {
    username: user.username,
    roles: user.grants.map((g) => g.role),
  });
  return (
    <PortalPage title={t('title')} description={required ? t('introRequired') : t('introOptional')}>
      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t('yours')}>
          <FactorList
            totp={f.totp ? when(f.totp) : null}
            passkeys={f.passkeys.map((p) => ({
              id: p.id,
              name: p.name,
              since: when(p.createdAt),
              lastUsed: p.lastUsedAt ? when(p.lastUsedAt) : null,
            }))}
            recoveryLeft={f.recoveryLeft}
          />
        </Card>
        <Card title={t('add')}>
          <EnrolFactor then="refresh" allowTotp={!f.totp} />
        </Card>
        <Card title={t('identities.title')}>
          <IdentityList identities={identities.map((i) => identityRow(i, when))} />
        </Card>
        <Card title={t('myData.title')}>
          <p className="mb-3 text-sm text-stone-600">{t('myData.intro')}</p>
          <a
            href="/api/account/my-data"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 text-sm"
            data-testid="my-data"
          >
            {t('myData.download')}
          </a>
        </Card>
      </div>
    </PortalPage>
  );
}
