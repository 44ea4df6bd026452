import { getCurrentUser } from '@/lib/auth/current-user';
import { xlsxResponse } from '@/lib/excel/response';
import { peopleTemplate } from '@/lib/people/excel';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'person.import')) return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await peopleTemplate(), '党员名册导入模板');
}
