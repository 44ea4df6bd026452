import { expect, test } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { openAs } from '../fixtures/login';

const FIRST = '滨江新城综合管廊项目党支部';

test.use({ viewport: { width: 375, height: 800 } });

test('on a phone, the auditor confirms one computed suggestion and overrides another with a reason', async ({
  page,
}) => {
  const db = createPrismaClient();
  try {
    // The first branch's year-end audit, not yet scored: it arrives with the computed suggestions.
    const audit = await db.audit.findFirstOrThrow({
      where: { org: { name: FIRST }, status: { in: ['PLANNED', 'IN_PROGRESS'] }, plan: { kind: 'YEAR_END' } },
      select: { id: true },
    });
    await openAs(page, 'auditor', `/audits/${audit.id}`);
    // 支委会: the month without one is named; one tap takes the records' count.
    const committee = page.getByTestId('suggestion-C3.2');
    await expect(committee).toContainText('台账计算');
    await expect(committee.getByTestId('ledger-refs')).toContainText('/1');
    const suggested = Number((await committee.innerText()).match(/台账计算：(\d+) 次/)![1]);
    await committee.getByRole('button', { name: '按台账确认' }).click();
    await expect(page.getByLabel('C3.2 扣分次数')).toHaveValue(String(suggested));
    await expect(committee.getByRole('button', { name: '已按台账确认' })).toBeDisabled();

    // 党员大会: the team counts one more than the records show, and says why.
    const assembly = page.getByTestId('suggestion-C3.1');
    const records = Number((await assembly.innerText()).match(/台账计算：(\d+) 次/)![1]);
    await page.getByLabel('C3.1 扣分次数').fill(String(records + 1));
    await expect(page.getByTestId('override-C3.1')).toBeVisible();
    await page.getByLabel('C3.1 扣分原因与依据').fill('三季度党员大会记录与签到表人数不符，实际未达法定人数');
    await expect(page.getByTestId('sync-status')).toHaveText('已全部保存', { timeout: 15_000 });

    await page.reload();
    await expect(page.getByLabel('C3.2 扣分次数')).toHaveValue(String(suggested));
    await expect(page.getByLabel('C3.1 扣分次数')).toHaveValue(String(records + 1));
    const scores = await db.auditScore.findMany({
      where: { auditId: audit.id, criterion: { code: { in: ['C3.1', 'C3.2'] } } },
      include: { criterion: { select: { code: true } } },
    });
    expect(Object.fromEntries(scores.map((s) => [s.criterion.code, [s.count, s.suggested]]))).toEqual({
      'C3.1': [records + 1, records],
      'C3.2': [suggested, suggested],
    });
  } finally {
    await db.$disconnect();
  }
});
