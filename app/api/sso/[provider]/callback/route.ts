import { finishCompanySignIn } from '@/lib/auth/company/flow';
import { handlerParams } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/** Back from 企业微信, 钉钉 or 飞书 with a code (lib/auth/company/flow.ts). */
export async function GET(req: Request, { params }: { params: Promise<{ provider: string }> }) {
  const p = await handlerParams(params);
  if (!p) return new Response('Not found', { status: 404 });
  return finishCompanySignIn(p.provider, new URL(req.url));
}
