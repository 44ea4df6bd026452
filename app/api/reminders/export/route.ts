import { getCurrentUser } from '@/lib/auth/current-user';
import { xlsxResponse } from '@/lib/excel/response';
import { can } from '@/lib/policy';
import { reminderWorkbook } from '@/lib/reminders/export';
import { reminderTableFor } from '@/lib/reminders/queries';

export const dynamic = 'force-dynamic';

/** The signed-in branch's reminder table as .xlsx (the same rows and scope as /reminders). */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: 'unauthenticated' }, { status: 401 });
  if (!can(user, 'reminder.complete')) return Response.json({ error: 'forbidden' }, { status: 403 });
  const table = await reminderTableFor(user);
  return xlsxResponse(await reminderWorkbook(table.tasks, table.today), '党建工作提醒表');
}
