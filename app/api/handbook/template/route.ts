import { getCurrentUser } from '@/lib/auth/current-user';
import { buildWorkbook } from '@/lib/handbook/excel';
import { TEMPLATE_EXAMPLE } from '@/lib/handbook/export';
import { xlsxResponse } from '@/lib/excel/response';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'handbook.edit')) return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await buildWorkbook(TEMPLATE_EXAMPLE), '党建手册导入模板');
}
