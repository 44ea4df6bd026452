import { getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { buildWorkbook } from '@/lib/handbook/excel';
import { bookData } from '@/lib/handbook/export';
import { xlsxResponse } from '@/lib/excel/response';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

/** The handbook and its scoring standard as .xlsx: the version in force, or ?v= (drafts: editors only). */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'handbook.read')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const v = new URL(req.url).searchParams.get('v');
  const version =
    v && /^[0-9a-f-]{36}$/i.test(v)
      ? await db.handbookVersion.findUnique({ where: { id: v } })
      : await db.handbookVersion.findFirst({ where: { status: 'PUBLISHED' } });
  if (!version) return Response.json({ error: 'not found' }, { status: 404 });
  if (version.status === 'DRAFT' && !can(user, 'handbook.edit'))
    return Response.json({ error: 'forbidden' }, { status: 403 });
  return xlsxResponse(await buildWorkbook(await bookData(db, version.id)), `党建手册-${version.label}`);
}
