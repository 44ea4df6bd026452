import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { addressableOrgsFor } from '@/lib/announcements/queries';
import { requirePermission } from '@/lib/auth/current-user';
import { bankCountsNow } from '@/lib/exams/queries';
import { ExamForm } from './_components/exam-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('exams'))('form.new') };
}

const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

export default async function NewExamPage() {
  const user = await requirePermission('learning.manage');
  const [t, orgs, bank] = await Promise.all([getTranslations('exams'), addressableOrgsFor(user), bankCountsNow()]);
  const now = new Date();
  return (
    <div className="space-y-4">
      <PageHeader title={t('form.new')} description={t('form.intro')} />
      <Card><ExamForm orgs={orgs} bank={bank} defaults={{ opensAt: local(now), closesAt: local(new Date(now.getTime() + 7 * 86_400_000)) }} /></Card>
    </div>
  );
}
