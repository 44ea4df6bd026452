import { getFile } from '../storage';

/**
 * A stored file as a download under its original name: never rendered inline (attachment +
 * nosniff), never cached by shared caches. The caller has already asked lib/policy.ts.
 */
export async function fileDownload(f: {
  storageKey: string;
  mimeType: string;
  fileName: string;
}): Promise<Response> {
  let bytes: Buffer;
  try {
    bytes = await getFile(f.storageKey);
  } catch {
    return Response.json({ error: 'file missing' }, { status: 404 });
  }
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': f.mimeType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename="download"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
