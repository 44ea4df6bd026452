import { annualWorkbook } from '@/lib/annual/export';
import { latestResultsFor } from '@/lib/annual/queries';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

/** The latest computation of a year's annual results, for the payroll department. */
export const GET = workbookRoute(
  (user) => can(user, 'annual.compute'),
  async (user, req) => {
    const year = Number(req.nextUrl.searchParams.get('year'));
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      return Response.json({ error: 'bad year' }, { status: 400 });
    const latest = await latestResultsFor(user, year);
    if (!latest) return Response.json({ error: 'not computed' }, { status: 404 });
    return [await annualWorkbook(latest), `${year}年度考核兑现`];
  },
);
