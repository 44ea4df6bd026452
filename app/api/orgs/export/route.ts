import { exportOrgsFor } from '@/lib/orgs/export';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => can(user, 'org.export'),
  async (user) => [await exportOrgsFor(user), '组织架构'],
);
