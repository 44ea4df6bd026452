import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { FeedbackSheetDocument } from '@/components/feedback/feedback-sheet';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requireUser } from '@/lib/auth/current-user';
import { sheetDetailFor } from '@/lib/feedback/queries';
import { load } from '@/lib/page-guard';
import { AcknowledgeButton } from './_components/acknowledge-button';
import { pageParams } from '@/lib/route-params';
import { findChromium } from '@/lib/browser';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('feedback', 'sheetTitle');

export default async function FeedbackPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await pageParams(params);
  const d = await load(() => sheetDetailFor(user, id));
  const [t, format] = await Promise.all([getTranslations('feedback'), getFormatter()]);
  const s = d.sheet;
  return (
    <div className="space-y-4">
      <PageHeader
        title={`${t('sheetTitle')} ${s.number}`}
        description={s.audit.org.name}
        actions={
          <>
            <Link
              href={`/feedback/${s.id}/print`}
              className="min-h-11 content-center rounded-md border border-stone-300 bg-white px-4 text-sm"
            >
              {t('print')}
            </Link>
            {findChromium() ? (
              <a
                href={`/api/feedback/${s.id}/pdf`}
                className="min-h-11 content-center rounded-md border border-stone-300 bg-white px-4 text-sm"
                data-testid="feedback-pdf"
              >
                {t('pdf')}
              </a>
            ) : (
              // No browser on this server to render it: say so and point to printing instead of a failing link.
              <span
                className="max-w-xs content-center text-xs text-stone-600"
                data-testid="feedback-pdf-unavailable"
              >
                {t('pdfUnavailable')}
              </span>
            )}
          </>
        }
      />
      <Card>
        <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="acknowledgement">
          {s.acknowledgedAt ? (
            <Badge tone="green">
              {t('acknowledged', {
                name: d.acknowledger ?? '',
                date: format.dateTime(s.acknowledgedAt, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                  timeZone: 'Asia/Shanghai',
                }),
              })}
            </Badge>
          ) : (
            <Badge tone="amber">{t('notAcknowledged')}</Badge>
          )}
          {d.canAcknowledge && <AcknowledgeButton sheetId={s.id} />}
          <Link href="/rectifications" className="text-brand-700 underline">
            {t('items')} →
          </Link>
        </div>
      </Card>
      <Card>
        <FeedbackSheetDocument d={d} />
      </Card>
      {d.coordination.length > 0 && (
        <Card title={t('coordination')}>
          <ul className="text-sm">
            {d.coordination.map((c) => (
              <li key={c.id}>
                {c.text} → {c.department.name} · {t(`coordStatuses.${c.status}`)}
                {c.answer && `：${c.answer}`}
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
