import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/status-page';

export default async function NotFound() {
  const t = await getTranslations('errorPages');
  return (
    <StatusPage
      code="404"
      title={t('notFoundTitle')}
      body={t('notFoundBody')}
      home={t('home')}
      testId="page-404"
    />
  );
}
