import { buildWorkbook } from '@/lib/handbook/excel';
import { TEMPLATE_EXAMPLE } from '@/lib/handbook/export';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => can(user, 'handbook.edit'),
  async () => [await buildWorkbook(TEMPLATE_EXAMPLE), '党建手册导入模板'],
);
