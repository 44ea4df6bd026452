import { getTranslations } from 'next-intl/server';
import { StatusPage } from '@/components/status-page';

export default async function Forbidden() {
  const t = await getTranslations('errorPages');
  return (
    <StatusPage
      code="403"
      title={t('forbiddenTitle')}
      body={t('forbiddenBody')}
      home={t('home')}
      testId="page-403"
    />
  );
}
