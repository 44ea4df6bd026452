/**
 * Holds on a first company link (issue 18 §4), in the browser: the committee changes a member's phone on the roster;
 * the 安全管理员 finds the hold on that member's account page and clears it; a 系统管理员, who manages accounts but
 * not company identities, sees neither the hold nor the links. The sign-in side is in
 * tests/integration/company-sign-in.test.ts (real PostgreSQL) and tests/nodes/workplace-sign-in.spec.ts.
 */
import { expect, test } from '@playwright/test';
import { createPrismaClient } from '../../lib/db/client';
import { openAs } from '../fixtures/login';

/** A generated member no other spec opens (the seed's members are m0001…; this one is far down the list). */
const MEMBER = 'm0142';

test('a phone changed by the committee holds the first company link; the 安全管理员 reviews and clears it', async ({
  browser,
}) => {
  const db = createPrismaClient();
  try {
    const person = await db.person.findFirstOrThrow({
      where: { user: { username: MEMBER } },
      select: { id: true, userId: true },
    });
    const phone = `136${String(Date.now()).slice(-8)}`;

    const committee = await (await browser.newContext()).newPage();
    await openAs(committee, 'committee', `/people/${person.id}/edit`);
    // The form is filled once it is live (a value typed while the page hydrates may be merged with the old one).
    await committee.waitForLoadState('networkidle');
    const field = committee.locator('#phone');
    await expect(async () => {
      await field.fill(phone);
      await expect(field).toHaveValue(phone, { timeout: 1000 });
    }).toPass();
    await committee.getByTestId('person-form').getByRole('button', { name: '保存' }).click();
    await expect(committee).toHaveURL(new RegExp(`/people/${person.id}$`));
    await committee.context().close();

    const admin = await (await browser.newContext()).newPage();
    await openAs(admin, 'admin', `/admin/users/${person.userId}`);
    await expect(admin.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(admin.getByTestId('identity-holds')).toHaveCount(0);
    await expect(admin.getByTestId('identity-list')).toHaveCount(0);
    await admin.context().close();

    const guard = await (await browser.newContext()).newPage();
    await openAs(guard, 'secadmin', `/admin/users/${person.userId}`);
    await expect(guard.getByText('尚未关联单位账号。')).toBeVisible();
    const holds = guard.getByTestId('identity-holds');
    await expect(holds).toContainText('手机号由他人修改');
    await holds.getByRole('button', { name: '核实无误，放行' }).click();
    await expect(guard.getByTestId('identity-holds')).toHaveCount(0);
    await guard.context().close();

    const cleared = await db.identityHold.findFirstOrThrow({
      where: { userId: person.userId!, field: 'phone' },
    });
    expect(cleared.clearedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { action: 'auth.identity.holdClear', entityId: person.userId! } }),
    ).toBe(1);
  } finally {
    await db.$disconnect();
  }
});
