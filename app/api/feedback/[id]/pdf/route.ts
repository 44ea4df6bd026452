import { deniedResponse } from '@/lib/auth/refusals';
import type { NextRequest } from 'next/server';
import { getCurrentUser } from '@/lib/auth/current-user';
import { traceDownload } from '@/lib/trace/downloads';
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { PdfBusy, PdfFailed, PdfTimeout, PdfUnavailable, renderPdf } from '@/lib/pdf/render';
import { UserError } from '@/lib/errors';
import { sheetDetailFor } from '@/lib/feedback/queries';
import { handlerParams, notFoundResponse } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

/**
 * The feedback sheet as a PDF: the print page rendered by the shared Chromium (lib/pdf/render.ts: one browser, a
 * bounded queue, a time limit, a cache by version), as the signed-in reader — access is checked here first, on every
 * request, cached or not. Chinese needs a CJK font on the server (Debian: fonts-noto-cjk).
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const p = await handlerParams(params);
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!p) return notFoundResponse();
  const { id } = p;
  let sheet: Awaited<ReturnType<typeof sheetDetailFor>>['sheet'];
  try {
    ({ sheet } = await sheetDetailFor(user, id));
  } catch (e) {
    if (e instanceof UserError && e.key === 'errors.forbidden') return deniedResponse(user, e.key);
    if (e instanceof UserError) return Response.json({ error: e.key }, { status: 404 });
    throw e;
  }
  // A sheet is frozen once issued; its acknowledgement is the one change it shows. The language is the reader's.
  const locale = req.cookies.get(LOCALE_COOKIE)?.value;
  const version = `${id}:${sheet.acknowledgedAt?.getTime() ?? 0}:${isLocale(locale) ? locale : DEFAULT_LOCALE}`;
  try {
    const { pdf, cached } = await renderPdf({
      key: `feedback:${version}`,
      // The app itself over plain HTTP, never the public address (behind a TLS proxy that would be https to a server
      // that speaks http): its internal listener, which the admission gate does not hold up (scripts/server.mjs);
      // without it (`next dev`), PDF_ORIGIN or its own host and port.
      url: `${process.env.APP_INTERNAL_ORIGIN ?? process.env.PDF_ORIGIN ?? `http://${req.nextUrl.host}`}/feedback/${id}/print`,
      cookie: req.headers.get('cookie') ?? '',
      forwardedProto:
        req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http',
    });
    await traceDownload(user, {
      kind: 'pdf',
      name: `检查调研情况反馈单-${sheet.number}.pdf`,
      url: req.nextUrl,
      entityType: 'FeedbackSheet',
      entityId: id,
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="feedback.pdf"; filename*=UTF-8''${encodeURIComponent(`检查调研情况反馈单-${sheet.number}.pdf`)}`,
        'Cache-Control': 'private, no-store',
        'X-Pdf-Cache': cached ? 'hit' : 'miss',
      },
    });
  } catch (e) {
    if (e instanceof PdfUnavailable)
      return Response.json({ error: 'feedback.pdfUnavailable' }, { status: 503 });
    if (e instanceof PdfBusy)
      return Response.json({ error: 'feedback.pdfBusy' }, { status: 503, headers: { 'Retry-After': '10' } });
    if (e instanceof PdfTimeout) return Response.json({ error: 'feedback.pdfTimeout' }, { status: 504 });
    if (e instanceof PdfFailed) return Response.json({ error: 'feedback.pdfUnavailable' }, { status: 503 });
    throw e;
  }
}
