import { deniedResponse } from '@/lib/auth/refusals';
import { z } from 'zod';
import { toFailure } from '@/lib/action-client';
import { actorOf, getCurrentUser } from '@/lib/auth/current-user';
import { db } from '@/lib/db';
import { accountsWorkbook, IMPORT_FIELDS, PEOPLE_IMPORT_MAX_BYTES } from '@/lib/people/excel';
import { importPeople } from '@/lib/people/mutations/import';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';
export const maxDuration = 600;

const fieldKeys = IMPORT_FIELDS.map((f) => f.key) as [string, ...string[]];
const ZMapping = z.partialRecord(z.enum(fieldKeys), z.number().int().min(1).max(500));

/**
 * The people import as a stream of NDJSON lines — progress while rows are checked, accounts hashed and
 * rows written, then the result — so a page importing 20,000 rows shows a progress bar. A route handler,
 * not a server action, because an action cannot report progress; it checks the Origin like an action does.
 */
export async function POST(request: Request) {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  const originHost = URL.canParse(origin ?? '') ? new URL(origin!).host : null;
  if (!originHost || !host || originHost !== host)
    return Response.json({ error: 'errors.forbidden' }, { status: 403 });
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'errors.unauthenticated' }, { status: 401 });
  if (user.mustChangePassword) return Response.json({ error: 'errors.mustChangePassword' }, { status: 403 });
  if (!can(user, 'person.import')) return deniedResponse(user, 'errors.forbidden');
  const form = await request.formData().catch(() => null);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0)
    return Response.json({ error: 'peopleImport.errors.noFile' }, { status: 400 });
  if (file.size > PEOPLE_IMPORT_MAX_BYTES)
    return Response.json({ error: 'peopleImport.errors.tooLarge' }, { status: 400 });
  if (!/\.xlsx$/i.test(file.name))
    return Response.json({ error: 'peopleImport.errors.notXlsx' }, { status: 400 });
  const mapping = ZMapping.safeParse(parseJson(String(form?.get('mapping') ?? '{}')));
  if (!mapping.success) return Response.json({ error: 'errors.invalidInput' }, { status: 400 });
  const createAccounts = form?.get('createAccounts') === 'on';
  const bytes = Buffer.from(await file.arrayBuffer());
  const actor = await actorOf(user);

  const encoder = new TextEncoder();
  const stream = new ReadableStream({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        const result = await importPeople(
          db,
          { user, actor },
          bytes,
          { mapping: mapping.data, createAccounts },
          (p) => send({ type: 'progress', ...p }),
        );
        // The one-time passwords leave the server once, as a workbook in this response, and nowhere else.
        if (result.ok) {
          const { accounts, ...rest } = result;
          const file = accounts.length ? (await accountsWorkbook(accounts)).toString('base64') : null;
          send({ type: 'result', result: { ...rest, accounts: accounts.length, accountsFile: file } });
        } else send({ type: 'result', result });
      } catch (e) {
        send({ type: 'failure', failure: toFailure(e) });
      } finally {
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
