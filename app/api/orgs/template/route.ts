import { getCurrentUser } from '@/lib/auth/current-user';
import { buildTemplate } from '@/lib/orgs/excel';
import { xlsxResponse } from '@/lib/excel/response';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'org.import')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const top = user.grants.find((g) => g.role === 'COMMITTEE') ?? user.grants[0];
  return xlsxResponse(await buildTemplate(top?.orgName ?? '公司党委'), '组织架构导入模板');
}
