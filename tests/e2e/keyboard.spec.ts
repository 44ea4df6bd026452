/**
 * Keyboard-only use (issue 18.6): the main flows — completing a task with evidence, submitting a self-check
 * sheet, scoring a criterion, taking an exam — driven with the keyboard alone after each `page.goto`
 * (Tab, Shift+Tab, Enter, Space, arrows, typing; no clicks, no `fill`), and a visible focus indicator on each
 * element Tab reaches on the sign-in page and on a form page.
 *
 * Data: the second branch (secretary2) completes one of its own tasks and submits its own quarter's sheet;
 * the auditor scores the year-end audit of a unit no other spec touches; the committee sets an exam of this
 * file's own for secretary2 to take. Nothing another spec depends on is consumed.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openAs } from '../fixtures/login';

// Hundreds of key presses, each followed by a focus check: more than the default minute on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** The unit whose year-end audit this file scores (no other spec opens it). */
const AUDITED = '高铁站前广场项目党支部';

/** This month's and this quarter's keys in China Standard Time, e.g. 2026-M11 and 2026-Q4. */
const today = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).split('-');
const thisMonth = () => `${today()[0]}-M${today()[1]}`;
const thisQuarter = () => `${today()[0]}-Q${Math.ceil(Number(today()[1]) / 3)}`;

/** The link to the year-end audit of the unit this file scores, on /audits. */
const auditLink = (page: Page) =>
  page
    .getByTestId('audit-list')
    .locator('li')
    .filter({ hasText: '集中检查' })
    .filter({ hasText: AUDITED })
    .getByRole('link', { name: AUDITED });

const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);

/** Presses Tab (Shift+Tab with `back`) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80, back = false) {
  if (await isFocused(target)) return;
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) return;
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}

/** Replaces the focused field's text with `text`, as a person would: select all, then type. */
async function retype(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/**
 * Tab to the file input, then Space opens the chooser; the file is picked there. On a loaded CI machine a
 * Space once opened nothing (a re-render can take the focus between Tab and Space), so a press that opens
 * nothing within 5 s is made again after tabbing back to the input, as a person would, up to three times.
 */
async function pickFile(page: Page, input: Locator, name: string) {
  for (let attempt = 1; ; attempt += 1) {
    await tabTo(page, input, 200);
    const opened = page.waitForEvent('filechooser', { timeout: 5_000 });
    await page.keyboard.press('Space');
    const chooser = await opened.catch((e: unknown) => {
      if (attempt >= 3) throw e;
      return null;
    });
    if (!chooser) continue;
    await chooser.setFiles({ name, mimeType: 'image/png', buffer: PNG });
    return;
  }
}

test('a secretary records a task done with a photo using only the keyboard', async ({ page }) => {
  await openAs(page, 'secretary2', '/reminders');
  // The last open task of this month: the other specs complete the first branch's tasks, not these.
  const open = page
    .getByTestId(`reminders-${thisMonth()}`)
    .locator('li')
    .filter({ has: page.getByRole('button', { name: '登记完成' }) })
    .last();
  const item = page.locator(`li[data-task-id="${await open.getAttribute('data-task-id')}"]`);
  await tabTo(page, item.getByRole('button', { name: '登记完成' }), 200);
  await page.keyboard.press('Enter');
  const form = item.getByTestId('complete-form');
  await expect(form).toBeVisible();
  // The activity date keeps its default (today); the note is typed and the photo picked from the chooser.
  await tabTo(page, form.locator('input[name="note"]'), 200);
  const note = `键盘登记完成 ${Date.now()}`;
  await page.keyboard.type(note);
  await pickFile(page, form.locator('input[type="file"]'), '键盘现场.png');
  await tabTo(page, form.getByRole('button', { name: '确认完成' }));
  await page.keyboard.press('Enter');
  const done = item.getByTestId('task-done');
  await expect(done).toContainText(note);
  await expect(done.getByRole('link', { name: '键盘现场.png' })).toBeVisible();
});

test('a secretary fills in and submits the quarter’s self-check sheet using only the keyboard', async ({
  page,
}) => {
  page.on('dialog', (d) => d.accept());
  await openAs(page, 'secretary2', '/self-checks');
  const row = page.getByTestId(`sheet-row-${thisQuarter()}`).first();
  await expect(row).toBeVisible();
  // Opened here for the first time, or left as a draft by an earlier run; a submitted sheet cannot be redone.
  const start = row.getByRole('button', { name: '开始填写' });
  const resume = row.getByRole('link', { name: '继续填写' });
  await expect(start.or(resume), `${thisQuarter()} sheet of secretary2 already submitted`).toBeVisible();
  await tabTo(page, (await start.count()) ? start : resume, 120);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/self-checks\/[0-9a-f-]{36}$/);
  const editor = page.getByTestId('sheet-editor');
  const counts = editor.locator('input[aria-label$="扣分次数"], select[aria-label$="扣分次数"]');
  const n = await counts.count();
  expect(n).toBeGreaterThan(10);
  // One shortfall with its reason; the rest assessed as none, or the best level of a graded criterion.
  const reason = `键盘填写：十一月支委会延期召开 ${Date.now()}`;
  let reasoned = false;
  for (let i = 0; i < n; i += 1) {
    const c = counts.nth(i);
    await tabTo(page, c);
    if (await c.evaluate((el) => el.tagName === 'SELECT')) {
      if ((await c.inputValue()) === '') await page.keyboard.press('ArrowDown');
      await expect(c).not.toHaveValue('');
    } else if (!reasoned) {
      await retype(page, '1');
      // The same line's reason: its label is the criterion's code, as the count's is.
      const code = (await c.getAttribute('aria-label'))!.replace(/\s*扣分次数$/, '');
      await tabTo(page, editor.getByLabel(`${code} 扣分原因`, { exact: true }));
      await retype(page, reason);
      reasoned = true;
    } else if ((await c.inputValue()) === '') {
      await page.keyboard.type('0');
      await expect(c).toHaveValue('0');
    }
  }
  await tabTo(page, editor.getByRole('button', { name: '提交评分表' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sheet-frozen')).toBeVisible();
  await expect(page.getByTestId('sheet-total')).toContainText(/\d/);
  await expect(page.getByTestId('sheet-readonly')).toContainText(reason);
});

test('an auditor scores a criterion with a reason and a photo using only the keyboard', async ({ page }) => {
  await openAs(page, 'auditor', '/audits');
  await tabTo(page, auditLink(page), 200);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
  const card = page.getByTestId('scoring-form').locator('li[data-testid^="criterion-"]').first();
  const count = card.locator('input[inputmode="numeric"]');
  const reason = `键盘评分：支委会记录缺签到表 ${Date.now()}`;
  await tabTo(page, count, 120);
  await retype(page, '1');
  await tabTo(page, card.locator('textarea'));
  await retype(page, reason);
  // The count and reason saved first: the form re-renders when a save lands, which could take the focus from the
  // file input between Tab and Space (seen once under the full suite's load).
  await expect(page.getByTestId('sync-status')).toHaveText('已全部保存', { timeout: 15_000 });
  await pickFile(page, card.locator('input[type="file"]'), '键盘评分照片.png');
  await expect(card).toContainText('📎 键盘评分照片.png');
  await expect(page.getByTestId('sync-status')).toHaveText('已全部保存', { timeout: 15_000 });

  await page.reload();
  await expect(count).toHaveValue('1');
  await expect(card.locator('textarea')).toHaveValue(reason);
  await expect(card).toContainText('📎 键盘评分照片.png');
});

test('the committee sets an exam and a secretary takes it and submits it using only the keyboard', async ({
  page,
  browser,
}) => {
  // The committee sets an exam of this test's own (keyboard-only as well).
  const title = `键盘考试 ${Date.now()}`;
  const committee = await (await browser.newContext()).newPage();
  await openAs(committee, 'committee', '/exams/new');
  const form = committee.getByTestId('exam-form');
  await tabTo(committee, form.locator('#ex-title'));
  await committee.keyboard.type(title);
  // Only secretaries take it, so the members' lists stay as the other specs expect them.
  const secretaries = form.locator('input[name="roles"][value="SECRETARY"]');
  await tabTo(committee, secretaries, 120);
  await committee.keyboard.press('Space');
  await expect(secretaries).toBeChecked();
  await tabTo(committee, form.getByRole('button', { name: '发布考试' }));
  await committee.keyboard.press('Enter');
  await expect(committee).toHaveURL(/\/exams$/);
  await committee.context().close();

  page.on('dialog', (d) => d.accept());
  await openAs(page, 'secretary2', '/exams');
  const row = page.getByTestId('exam-row').filter({ hasText: title });
  await tabTo(page, row.getByTestId('start-exam'), 200);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/exams\/attempts\//);
  const questions = page.getByTestId('question');
  await expect(questions.first()).toBeVisible();
  const n = await questions.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i += 1) {
    const q = questions.nth(i);
    const radios = q.locator('input[type="radio"]');
    const boxes = q.locator('input[type="checkbox"]');
    if (await radios.count()) {
      // Tab enters the group on its first option; Space chooses it.
      await tabTo(page, radios.first());
      await page.keyboard.press('Space');
      await expect(radios.first()).toBeChecked();
    } else if (await boxes.count()) {
      await tabTo(page, boxes.first());
      await page.keyboard.press('Space');
      await expect(boxes.first()).toBeChecked();
    } else {
      await tabTo(page, q.locator('input, textarea').first());
      await page.keyboard.type('党课');
    }
  }
  await tabTo(page, page.getByRole('button', { name: '交卷' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('exam-result')).toContainText('得分');
});

/** The style that shows where the focus is: the outline and the box shadow (Tailwind's rings). */
type Ring = { outline: string; width: number; shadow: string };
const ringOf = (l: Locator): Promise<Ring & { name: string; hidden: boolean; labelRing: Ring | null }> =>
  l.evaluate((el) => {
    const ring = (e: Element) => {
      const s = getComputedStyle(e);
      return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    };
    const box = el.getBoundingClientRect();
    const label = el.closest('label');
    const name =
      el.getAttribute('aria-label') ||
      el.getAttribute('name') ||
      (el as HTMLElement).innerText?.trim().slice(0, 30) ||
      el.id;
    return {
      ...ring(el),
      name: `<${el.tagName.toLowerCase()}> ${name}`,
      // Visually hidden (sr-only): a ring on it cannot be seen.
      hidden: box.width <= 2 || box.height <= 2,
      labelRing: label ? ring(label) : null,
    };
  });
const shows = (r: Ring) => (r.outline !== 'none' && r.width > 0) || r.shadow !== 'none';

/**
 * Tabs through `stops` elements from where the focus is and names each one whose focused style shows no
 * indicator: no outline or shadow, the same as when it is not focused, or drawn on an element hidden from view.
 */
async function withoutVisibleFocus(page: Page, stops: number) {
  const missing: string[] = [];
  const focused = page.locator('*:focus');
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press('Tab');
    if (!(await focused.count())) break;
    const el = focused.first();
    const on = await ringOf(el);
    // The same element seen without the focus: its style when the next Tab has moved on.
    const handle = await el.elementHandle();
    await page.keyboard.press('Tab');
    const off = await handle!.evaluate((e) => {
      const s = getComputedStyle(e);
      const label = e.closest('label');
      const ls = label && getComputedStyle(label);
      return {
        outline: s.outlineStyle,
        width: parseFloat(s.outlineWidth),
        shadow: s.boxShadow,
        label: ls
          ? { outline: ls.outlineStyle, width: parseFloat(ls.outlineWidth), shadow: ls.boxShadow }
          : null,
      };
    });
    await page.keyboard.press('Shift+Tab');
    const changed = on.outline !== off.outline || on.width !== off.width || on.shadow !== off.shadow;
    const labelShows =
      on.labelRing !== null &&
      shows(on.labelRing) &&
      JSON.stringify(on.labelRing) !== JSON.stringify(off.label);
    if (on.hidden ? !labelShows : !(shows(on) && changed)) missing.push(on.name);
  }
  return missing;
}

test('every element Tab reaches on the sign-in page and on a form page shows where the focus is', async ({
  page,
}) => {
  await page.goto('/login');
  const onLogin = await withoutVisibleFocus(page, 15);
  // The form page: the auditor's scoring sheet, from the top (the portal's header) and from its first field.
  await openAs(page, 'auditor', '/audits');
  const href = await auditLink(page).getAttribute('href');
  await page.goto(href!);
  const onShell = await withoutVisibleFocus(page, 15);
  await tabTo(page, page.getByTestId('scoring-form').locator('input, select, textarea').first(), 120);
  await page.keyboard.press('Shift+Tab');
  const onForm = await withoutVisibleFocus(page, 15);
  expect({ onLogin, onShell, onForm }).toEqual({ onLogin: [], onShell: [], onForm: [] });
});
