import { can } from '@/lib/policy';
import { reminderWorkbook } from '@/lib/reminders/export';
import { reminderTableFor } from '@/lib/reminders/queries';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

/** The signed-in branch's reminder table as .xlsx (the same rows and scope as /reminders). */
export const GET = workbookRoute(
  (user) => can(user, 'reminder.complete'),
  async (user) => {
    const table = await reminderTableFor(user);
    return [await reminderWorkbook(table.tasks, table.today), '党建工作提醒表'];
  },
);
