import { peopleTemplate } from '@/lib/people/excel';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => can(user, 'person.import'),
  async () => [await peopleTemplate(), '党员名册导入模板'],
);
