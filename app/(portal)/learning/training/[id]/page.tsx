import { ArticleLinks } from '@/components/article-links';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { publicOrigin } from '@/lib/public-url';
import { pageParams } from '@/lib/route-params';
import { trainingViewFor } from '@/lib/training/queries';
import { CODE_STEP_MS, signInCode } from '@/lib/training/rotating';
import { AutoRefresh } from '@/components/auto-refresh';
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import QRCode from 'qrcode';
import { RecordAttendanceForm } from './_components/record-form';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('training');

/** One class: what, when, where, materials; for the organizers the sign-in QR code and who came. */
export default async function TrainingSessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await pageParams(params);
  const user = await requirePermission('learning.read');
  const v = await load(() => trainingViewFor(user, id));
  const [t, th, format] = await Promise.all([
    getTranslations('training'),
    getTranslations('handbook'),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, CST_DATE_TIME);
  const s = v.session;
  // The code in the link changes every 30 s (lib/training/rotating.ts): the page re-reads itself to show the next.
  const signInUrl = s.signInToken
    ? `${await publicOrigin()}/learning/training/${s.id}/sign-in?t=${signInCode(s.signInToken, s.id, new Date())}`
    : null;
  const qr = signInUrl
    ? await QRCode.toString(signInUrl, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    : null;
  return (
    <div className="space-y-4">
      <PageHeader
        title={s.title}
        description={t('when', {
          from: `${when(s.startsAt)}–${format.dateTime(s.endsAt, { timeStyle: 'short', timeZone: 'Asia/Shanghai' })}`,
          lecturer: s.lecturer,
        })}
        actions={
          <Link
            href="/learning/training"
            className="min-h-11 content-center text-sm text-brand-700 underline"
          >
            {t('back')}
          </Link>
        }
      />
      <Card>
        <dl className="grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          {s.place && (
            <>
              <dt className="text-stone-500">{t('fields.place')}</dt>
              <dd>{s.place}</dd>
            </>
          )}
          {s.onlineUrl && (
            <>
              <dt className="text-stone-500">{t('fields.onlineUrl')}</dt>
              <dd>
                <a
                  href={s.onlineUrl}
                  className="break-all text-brand-700 underline"
                  rel="noopener noreferrer"
                  target="_blank"
                >
                  {s.onlineUrl}
                </a>
              </dd>
            </>
          )}
          <dt className="text-stone-500">{t('fields.invitedOrgs')}</dt>
          <dd>{v.invitedOrgs.join('、') || '—'}</dd>
          <dt className="text-stone-500">{t('fields.articles')}</dt>
          <dd>
            <ArticleLinks articles={v.articles} t={th} />
          </dd>
          {s.materialNames.length > 0 && (
            <>
              <dt className="text-stone-500">{t('fields.materials')}</dt>
              <dd>
                <ul>
                  {s.materialNames.map((n, i) => (
                    <li key={i}>
                      <a href={`/api/training/materials/${s.id}/${i}`} className="text-brand-700 underline">
                        {n}
                      </a>
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {v.exams.length > 0 && (
            <>
              <dt className="text-stone-500">{t('exams')}</dt>
              <dd>
                {v.exams.map((e) => (
                  <Link key={e.id} href="/exams" className="mr-2 text-brand-700 underline">
                    {e.title}
                  </Link>
                ))}
              </dd>
            </>
          )}
        </dl>
        <p className="mt-3 text-sm" data-testid="my-attendance">
          {v.signedIn ? (
            <Badge tone="green">{t('signedInAt', { at: when(v.signedIn.signedAt) })}</Badge>
          ) : v.mine ? (
            <Badge tone="amber">{t('scanToSignIn')}</Badge>
          ) : (
            !v.manager && <Badge>{t('notInvited')}</Badge>
          )}
        </p>
      </Card>
      {qr && signInUrl && (
        <Card title={t('qrTitle')}>
          <div className="flex flex-wrap items-start gap-4">
            <div
              className="w-56 max-w-full bg-white p-2"
              data-testid="sign-in-qr"
              role="img"
              aria-label={t('qrTitle')}
              dangerouslySetInnerHTML={{ __html: qr }}
            />
            <div className="min-w-0 flex-1 space-y-2 text-sm text-stone-600">
              <p>{t('qrHint')}</p>
              <p>{t('qrRotates')}</p>
              <AutoRefresh ms={CODE_STEP_MS} />
              <p className="break-all font-mono text-xs" data-testid="sign-in-url">
                {signInUrl}
              </p>
            </div>
          </div>
        </Card>
      )}
      {v.manager && (
        <Card
          title={t('attendanceTitle')}
          actions={
            <span className="text-sm text-stone-600" data-testid="session-rate">
              {t('rate', {
                attended: v.attended,
                invited: v.invited,
                rate: v.rate === null ? '—' : `${v.rate}%`,
              })}
            </span>
          }
        >
          <RecordAttendanceForm
            sessionId={s.id}
            people={v.people.map((p) => ({
              id: p.id,
              name: p.name,
              unit: p.unit,
              method: p.attendance?.method ?? null,
              at: p.attendance ? when(p.attendance.signedAt) : null,
            }))}
          />
        </Card>
      )}
    </div>
  );
}
