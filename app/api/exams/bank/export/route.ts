import { db } from '@/lib/db';
import { exportCurrentBank } from '@/lib/exams/mutations/bank-import';
import { canCompanyWide } from '@/lib/policy';
import { workbookRoute } from '../../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => canCompanyWide(db, user, 'learning.manage'),
  async () => [await exportCurrentBank(db), '题库'],
);
