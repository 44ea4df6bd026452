import { getCurrentUser } from '@/lib/auth/current-user';
import { xlsxResponse } from '@/lib/excel/response';
import { exportOrgsFor } from '@/lib/orgs/export';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'org.export')) return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await exportOrgsFor(user), '组织架构');
}
