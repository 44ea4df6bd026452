import { ArticleLinks } from '@/components/article-links';
import { Card, PageHeader } from '@/components/ui/card';
import { unitChoices } from '@/lib/orgs/queries/choices';
import { requirePermission } from '@/lib/auth/current-user';
import { articlesForProposals } from '@/lib/handbook/queries';
import { siteListFor } from '@/lib/learning/queries';
import { can } from '@/lib/policy';
import { getFormatter, getTranslations } from 'next-intl/server';
import { NameSiteForm, VisitForm } from './_components/site-forms';
import { DAY } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('learning', 'sitesTitle');

export default async function DemoSitesPage() {
  const user = await requirePermission('learning.read');
  const manager = can(user, 'learning.manage');
  const [t, th, format, sites, orgs, articles] = await Promise.all([
    getTranslations('learning'),
    getTranslations('handbook'),
    getFormatter(),
    siteListFor(user),
    manager ? unitChoices(user, 'addressable') : { units: [] },
    manager ? articlesForProposals() : [],
  ]);
  const day = (d: Date) => format.dateTime(d, DAY);
  return (
    <div className="space-y-4">
      <PageHeader title={t('sitesTitle')} description={t('sitesIntro')} />
      {sites.length === 0 ? (
        <Card>
          <p className="text-sm text-stone-600">{t('noSites')}</p>
        </Card>
      ) : (
        sites.map((s) => (
          <Card key={s.id} title={`${s.unit} · ${day(s.fromDate)}–${day(s.toDate)}`}>
            <div className="space-y-2 text-sm" data-testid="demo-site">
              <p>{s.description}</p>
              <ArticleLinks articles={s.articles} t={th} />
              {s.visits.map((v) => (
                <div key={v.id} className="rounded-md bg-stone-50 p-2">
                  <p className="font-medium">
                    {t('visit', { date: day(v.date), units: v.visitors.join('、') })}
                  </p>
                  <p className="whitespace-pre-line text-stone-700">{v.notes}</p>
                  {v.photoNames.length > 0 && (
                    <p className="flex flex-wrap gap-3 text-xs">
                      {v.photoNames.map((n, i) => (
                        <a
                          key={i}
                          href={`/api/learning/visits/${v.id}/${i}`}
                          className="text-brand-700 underline"
                        >
                          📷 {n}
                        </a>
                      ))}
                    </p>
                  )}
                </div>
              ))}
              {manager && (
                <details className="rounded-md border border-stone-200 p-2">
                  <summary className="min-h-11 cursor-pointer content-center text-brand-700">
                    {t('visitForm.title')}
                  </summary>
                  <VisitForm siteId={s.id} orgs={orgs} />
                </details>
              )}
            </div>
          </Card>
        ))
      )}
      {manager && (
        <Card title={t('siteForm.title')}>
          <NameSiteForm orgs={orgs} articles={articles} year={new Date().getFullYear()} />
        </Card>
      )}
    </div>
  );
}
