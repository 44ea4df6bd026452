import { getFormatter, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePermission } from '@/lib/auth/current-user';
import { load } from '@/lib/page-guard';
import { signInViewFor } from '@/lib/training/queries';
import { SignInButton } from './sign-in-button';
import { pageParams } from '@/lib/route-params';
import { CST_DATE_TIME } from '@/lib/calendar';
import { pageTitle } from '@/lib/page-title';

export const generateMetadata = pageTitle('training', 'signInTitle');

/** Where the QR code leads (on a phone): the class, and one button — or why signing in is not possible. */
export default async function TrainingSignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ t?: string }>;
}) {
  const { id } = await pageParams(params);
  const token = (await searchParams).t ?? '';
  const user = await requirePermission('learning.read');
  const v = await load(() => signInViewFor(user, id, token));
  const [t, tAll, format] = await Promise.all([
    getTranslations('training'),
    getTranslations(),
    getFormatter(),
  ]);
  const when = (d: Date) => format.dateTime(d, CST_DATE_TIME);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('signInTitle')} />
      <Card title={v.session.title}>
        <p className="text-sm text-stone-600">
          {t('when', { from: when(v.session.startsAt), lecturer: v.session.lecturer })}
          {v.session.place ? ` · ${v.session.place}` : ''}
        </p>
        <div className="mt-4" data-testid="sign-in-state">
          {v.signedAt ? (
            <p className="rounded-md bg-green-50 p-3 text-green-800">
              {t('signedInAt', { at: when(v.signedAt) })}
            </p>
          ) : v.problem ? (
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">
              {tAll(v.problem.key as never, v.problem.params as never)}
            </p>
          ) : (
            <SignInButton sessionId={v.session.id} token={token} />
          )}
        </div>
      </Card>
    </div>
  );
}
