import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { CHROMIUM_ARGS, findChromium } from '@/lib/browser';
import { UserError } from '@/lib/errors';
import { sheetDetailFor } from '@/lib/feedback/queries';
import { handlerParams, notFoundResponse } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/**
 * The feedback sheet as a PDF: the print page rendered by the Chromium the project already uses
 * (lib/browser.ts: CHROMIUM_PATH, the system's, Playwright's own), as the signed-in reader — so the PDF shows exactly
 * what this person may see. Chinese needs a CJK font on the server (Debian: fonts-noto-cjk).
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = await handlerParams(params);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!p) return notFoundResponse();
  const { id } = p;
  let number: string;
  try {
    number = (await sheetDetailFor(user, id)).sheet.number;
  } catch (e) {
    if (e instanceof UserError)
      return Response.json({ error: e.key }, { status: e.key === 'errors.forbidden' ? 403 : 404 });
    throw e;
  }
  const executablePath = findChromium()?.path;
  if (!executablePath) return Response.json({ error: 'feedback.pdfUnavailable' }, { status: 503 });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({
      extraHTTPHeaders: { cookie: req.headers.get('cookie') ?? '' },
    });
    const page = await context.newPage();
    await page.goto(`${req.nextUrl.origin}/feedback/${id}/print`, { waitUntil: 'networkidle' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="feedback.pdf"; filename*=UTF-8''${encodeURIComponent(`检查调研情况反馈单-${number}.pdf`)}`,
        'Cache-Control': 'private, no-store',
      },
    });
  } finally {
    await browser.close();
  }
}
