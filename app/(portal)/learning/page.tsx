import { PortalPage } from '@/components/page/portal-page';
import { ArticleLinks } from '@/components/article-links';
import { Badge, Card } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { focusListFor } from '@/lib/learning/queries';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('learning', 'contentTitle');

/** 重点学习内容 by quarter: the articles, whether I have read it, and — for the committee — who has. */
export default async function LearningPage() {
  const user = await requirePermission('learning.read');
  const [t, tt, th, rows] = await Promise.all([
    getTranslations('learning'),
    getTranslations('training'),
    getTranslations('handbook'),
    focusListFor(user),
  ]);
  return (
    <PortalPage
      title={t('contentTitle')}
      description={t('contentIntro')}
      links={[
        { href: '/learning/training', label: tt('toTraining') },
        { href: '/learning/sites', label: t('sitesTitle') },
        { href: '/exams', label: t('toExams') },
      ]}
    >
      {rows.length === 0 ? (
        <Card>
          <p className="text-sm text-stone-600">{t('noContent')}</p>
        </Card>
      ) : (
        rows.map((r) => (
          <Card
            key={r.id}
            title={`${r.periodKey} · ${r.title}`}
            actions={r.examFocus && <Badge tone="blue">{t('examFocusBadge')}</Badge>}
          >
            <div className="space-y-2 text-sm" data-testid="learning-focus">
              <p className="whitespace-pre-line">{r.body}</p>
              <ArticleLinks articles={r.articles} t={th} />
              <div className="flex flex-wrap items-center gap-3">
                {r.announcementId && (
                  <Link href={`/announcements/${r.announcementId}`} className="text-brand-700 underline">
                    {r.mine && !r.mine.readAt ? t('readNow') : t('openAnnouncement')}
                  </Link>
                )}
                {r.mine && (
                  <Badge tone={r.mine.readAt ? 'green' : 'amber'}>
                    {r.mine.readAt ? t('read') : t('unread')}
                  </Badge>
                )}
                {r.receipts && (
                  <span className="text-stone-600">
                    {t('receipts', { read: r.receipts.read, unread: r.receipts.total - r.receipts.read })}
                  </span>
                )}
              </div>
            </div>
          </Card>
        ))
      )}
    </PortalPage>
  );
}
