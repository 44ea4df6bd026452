import type { NextRequest } from 'next/server';
import { annualWorkbook } from '@/lib/annual/export';
import { latestResultsFor } from '@/lib/annual/queries';
import { getCurrentUser } from '@/lib/auth/current-user';
import { xlsxResponse } from '@/lib/excel/response';
import { can } from '@/lib/policy';

export const dynamic = 'force-dynamic';

/** The latest computation of a year's annual results, for the payroll department. */
export async function GET(req: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'annual.compute')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const year = Number(req.nextUrl.searchParams.get('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    return Response.json({ error: 'bad year' }, { status: 400 });
  const latest = await latestResultsFor(user, year);
  if (!latest) return Response.json({ error: 'not computed' }, { status: 404 });
  return xlsxResponse(await annualWorkbook(latest), `${year}年度考核兑现`);
}
