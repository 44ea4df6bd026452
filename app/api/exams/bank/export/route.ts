import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { exportCurrentBank } from '@/lib/exams/bank-import';
import { companyRoot } from '@/lib/orgs/company-root';
import { xlsxResponse } from '@/lib/orgs/export';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'learning.manage', await companyRoot(db)))
    return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await exportCurrentBank(db), '题库');
}
