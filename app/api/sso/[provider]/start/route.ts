import { startCompanySignIn } from '@/lib/auth/company/flow';
import { handlerParams } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** Off to 企业微信, 钉钉 or 飞书 to sign in (lib/auth/company/flow.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  const p = await handlerParams(params);
  if (!p) return new Response('Not found', { status: 404 });
  return startCompanySignIn(p.provider, new URL(req.url));
}
