import { getCurrentUser } from '@/lib/auth/current-user';
import { myData } from '@/lib/account/my-data';
import { db } from '@/lib/db';
import { traceDownload } from '@/lib/trace/downloads';

export const dynamic = 'force-dynamic';

/** GET: the signed-in person's own data, as a JSON file (lib/account/my-data.ts); traced. */
export async function GET(req: Request) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  const data = await myData(db, user);
  const name = `我的个人信息-${user.username}.json`;
  await traceDownload(user, { kind: 'personal', name, url: req.url, entityType: 'User', entityId: user.id });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data.json"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'Cache-Control': 'private, no-store',
    },
  });
}
