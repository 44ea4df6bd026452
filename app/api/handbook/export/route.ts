import { deniedResponse } from '@/lib/auth/refusals';
import { z } from 'zod';
import { db } from '@/lib/db';
import { buildWorkbook } from '@/lib/handbook/excel';
import { bookData } from '@/lib/handbook/export';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

/** The handbook and its scoring standard as .xlsx: the version in force, or ?v= (drafts: editors only). */
export const GET = workbookRoute(
  (user) => can(user, 'handbook.read'),
  async (user, req) => {
    const v = req.nextUrl.searchParams.get('v');
    // A ?v= that is not a UUID is no version at all (404), not the one in force.
    if (v !== null && !z.uuid().safeParse(v).success)
      return Response.json({ error: 'not found' }, { status: 404 });
    const version = v
      ? await db.handbookVersion.findUnique({ where: { id: v } })
      : await db.handbookVersion.findFirst({ where: { status: 'PUBLISHED' } });
    if (!version) return Response.json({ error: 'not found' }, { status: 404 });
    if (version.status === 'DRAFT' && !can(user, 'handbook.edit')) return deniedResponse(user);
    return [await buildWorkbook(await bookData(db, version.id)), `党建手册-${version.label}`];
  },
);
