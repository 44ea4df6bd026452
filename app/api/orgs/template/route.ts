import { buildTemplate } from '@/lib/orgs/excel';
import { can } from '@/lib/policy';
import { workbookRoute } from '../../_lib/workbook-route';

export const dynamic = 'force-dynamic';

export const GET = workbookRoute(
  (user) => can(user, 'org.import'),
  async (user) => {
    const top = user.grants.find((g) => g.role === 'COMMITTEE') ?? user.grants[0];
    return [await buildTemplate(top?.orgName ?? '公司党委'), '组织架构导入模板'];
  },
);
