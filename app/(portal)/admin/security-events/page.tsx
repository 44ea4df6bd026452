import { getFormatter, getTranslations } from 'next-intl/server';
import { PortalPage } from '@/components/page/portal-page';
import { Pagination } from '@/components/pagination';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';
import { deviceLabel } from '@/lib/auth/sessions';
import { requirePermission } from '@/lib/auth/current-user';
import { pageTitle } from '@/lib/page-title';
import { listSecurityEvents } from '@/lib/trace/security-events';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageNumber } from '@/lib/search-params';

const KIND: Record<string, 'failed' | 'throttled' | 'factor' | 'currentWrong' | 'company' | 'denied'> = {
  'login.failed': 'failed',
  'login.throttled': 'throttled',
  'factor.failed': 'factor',
  'password.currentWrong': 'currentWrong',
  'sso.failed': 'company',
  'access.denied': 'denied',
};

export const generateMetadata = pageTitle('securityEvents');

export default async function SecurityEventsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; ip?: string }>;
}) {
  const user = await requirePermission('securityEvent.read', 'global');
  const sp = await searchParams;
  const ip = typeof sp.ip === 'string' ? sp.ip : '';
  const data = await listSecurityEvents(user, { page: pageNumber(sp.page), ip });
  const [t, format] = await Promise.all([getTranslations('securityEvents'), getFormatter()]);
  return (
    <PortalPage title={t('title')} description={t('intro')}>
      <Card>
        <Table
          framed={false}
          testId="security-events"
          rows={data.rows}
          rowKey={(r) => String(r.id)}
          empty={t('empty')}
          columns={[
            { key: 'at', header: t('at'), cell: (r) => format.dateTime(r.at, CST_DATE_TIME) },
            {
              key: 'kind',
              header: t('kind'),
              cell: (r) => {
                const detail = (r.detail ?? {}) as {
                  provider?: string;
                  reason?: string;
                  path?: string;
                  via?: string;
                };
                if (KIND[r.kind] === 'company')
                  return t('kinds.company', { provider: detail.provider ?? '', reason: detail.reason ?? '' });
                if (KIND[r.kind] === 'denied')
                  return (
                    <>
                      {t(
                        `kinds.denied.${detail.via === 'action' || detail.via === 'download' ? detail.via : 'page'}`,
                      )}
                      <span className="block break-all text-xs text-stone-500">{detail.path}</span>
                    </>
                  );
                return t(`kinds.${KIND[r.kind] ?? 'failed'}`);
              },
            },
            { key: 'username', header: t('username'), cell: (r) => r.username ?? '—' },
            { key: 'ip', header: t('ip'), cell: (r) => r.ip ?? '—' },
            { key: 'device', deskOnly: true, header: t('device'), cell: (r) => deviceLabel(r.userAgent) },
          ]}
        />
        <Pagination
          page={data.page}
          pages={data.pages}
          href={(p) =>
            `/admin/security-events?${new URLSearchParams({ ...(ip ? { ip } : {}), page: String(p) })}`
          }
        />
      </Card>
    </PortalPage>
  );
}
