import { db } from '@/lib/db';
import { bankTemplate } from '@/lib/exams/bank-excel';
import { publishedArticles } from '@/lib/exams/mutations/bank-import';
import { canCompanyWide } from '@/lib/policy';
import { workbookRoute } from '../../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => canCompanyWide(db, user, 'learning.manage'),
  async () => {
    const [first] = await publishedArticles(db);
    return [await bankTemplate(first?.number), '题库导入模板'];
  },
);
