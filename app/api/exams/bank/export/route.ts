import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { exportCurrentBank } from '@/lib/exams/mutations/bank-import';
import { xlsxResponse } from '@/lib/excel/response';
import { canCompanyWide } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!(await canCompanyWide(db, user, 'learning.manage')))
    return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await exportCurrentBank(db), '题库');
}
