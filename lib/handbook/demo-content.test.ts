import { describe, expect, it } from 'vitest';
import { PART1 } from '../../prisma/handbook/content-part1';
import { PART2 } from '../../prisma/handbook/content-part2';
import { PART3 } from '../../prisma/handbook/content-part3';
import { SCORING } from '../../prisma/handbook/content-scoring';
import { parseRule } from '../ledger/rules';
import { fenToYuan, monthlyDues, toFen } from '../people/dues';

const articles = [...PART1.articles, ...PART2.articles, ...PART3.articles];
const article = (n: number) => articles.find((a) => a.number === n)!;
const action = (code: string) => articles.flatMap((a) => a.actions).find((x) => x.code === code)!;

describe('the demo handbook agrees with the regulations it follows', () => {
  it('党费: the Art 39 template and the Art 12 example compute as the 2008 rules (whole wage, by band)', () => {
    const t = article(39).templates[0]!.xlsx!;
    const col = (h: string) => t.header.indexOf(h);
    expect(t.rows.length).toBeGreaterThan(0);
    for (const r of t.rows) {
      const due = fenToYuan(monthlyDues('EMPLOYED', toFen(r[col('交纳基数（元）')]!)));
      expect(r[col('应交（元）')]).toBe(due);
    }
    expect(fenToYuan(monthlyDues('EMPLOYED', toFen(9800)))).toBe('147.00');
    expect(article(12).how).toContain('如9800元交147.00元');
    expect(article(12).how).toContain('每年年初');
  });

  it('支部党员大会 decides by the voters who should attend; the 组织生活会 and 民主评议 fall in Q4', () => {
    expect(article(3).what).toContain('议事决策机构');
    expect(article(3).how).toContain('应到会有表决权党员的半数');
    for (const n of [7, 8]) expect(article(n).when).toContain('第四季度');
    // Their tasks are due in December, after the 谈心谈话 that precedes them.
    expect(action('A-07-1').dueRule).toEqual({ kind: 'DAYS_BEFORE_PERIOD_END', n: 10 });
    expect(action('A-14-1').frequency).toBe('YEAR');
    expect(action('A-06-2').dueRule.n).toBe(174); // 7月10日: 书记讲党课 in the days around 七一
  });

  it('no weekly or daily task on scattered project sites, none for a member who cannot complete it', () => {
    const actions = articles.flatMap((a) => a.actions);
    expect(actions.filter((x) => x.frequency === 'WEEK' || x.frequency === 'DAY')).toEqual([]);
    expect(actions.filter((x) => x.responsibleRole === 'MEMBER')).toEqual([]);
  });

  it('each task reaches the unit that does it, once: a group’s, union’s or league’s task not also its branch', () => {
    const sub = ['PARTY_GROUP', 'UNION', 'YOUTH_LEAGUE'];
    const both = articles
      .flatMap((a) => a.actions)
      .filter((x) => x.orgTypes.includes('BRANCH') && x.orgTypes.some((t) => sub.includes(t)));
    expect(both.map((x) => x.code)).toEqual([]);
  });

  it('each Part 3 ledger is its own: columns, keeping, checks and a worked example, no step shared with another', () => {
    const seen = new Map<string, number>();
    for (const a of PART3.articles) {
      expect(a.what, `Art ${a.number}`).toMatch(/\n栏目：.+\n保存：/);
      expect(a.standard, `Art ${a.number}`).toContain('检查要点：');
      const steps = a.how.split('\n');
      expect(steps.at(-1), `Art ${a.number}`).toMatch(/^\d+\. 范例：/);
      for (const step of steps.map((x) => x.replace(/^\d+\. /, ''))) {
        expect(seen.get(step), `Art ${a.number} repeats a step of Art ${seen.get(step)}`).toBeUndefined();
        seen.set(step, a.number);
      }
    }
    expect(new Set(PART3.articles.map((a) => a.who)).size).toBe(PART3.articles.length);
  });

  it('Part 2 activities 27 and 30–36 have specific steps and a 范例; Art 33 is not Art 20 again', () => {
    for (const n of [27, 30, 31, 32, 33, 34, 35, 36]) {
      const steps = article(n).how.split('\n');
      expect(steps.length, `Art ${n}`).toBeGreaterThanOrEqual(4);
      expect(steps.at(-1), `Art ${n}`).toContain('范例：');
    }
    expect(article(33).title).not.toMatch(/青年突击队|安全监督岗/);
  });

  it('Part 1 carries the forms a branch fills; the 计票单 elects by more than half of those present', () => {
    for (const n of [1, 2, 3, 8, 9, 10, 11, 16])
      expect(article(n).templates.length, `Art ${n}`).toBeGreaterThan(0);
    expect(articles.flatMap((a) => a.templates).length).toBeGreaterThanOrEqual(25);
    const sheet = article(2).templates.find((t) => t.xlsx)!.xlsx!;
    const col = (h: string) => sheet.header.indexOf(h);
    for (const r of sheet.rows) {
      const yes = Number(r[col('赞成票')]);
      const present = Number(r[col('实到会有选举权党员')]);
      const expected = Number(r[col('应到会有选举权党员')]);
      expect(present * 5).toBeGreaterThan(expected * 4); // 到会超过五分之四
      expect(r[col('是否当选')]).toBe(yes * 2 > present ? '当选' : '未当选');
    }
    expect(article(16).templates[0]!.docx!.paragraphs.join('')).toContain('党支部不开具介绍信');
  });

  it('the standard opens with 政治建设, sums to 100, and every computed, graded, bonus and veto item is well formed', () => {
    expect(SCORING[0]!.title).toBe('政治建设');
    const criteria = SCORING.flatMap((c) => c.criteria);
    const scored = criteria.filter((k) => k.kind !== 'BONUS' && k.kind !== 'VETO');
    expect(scored.reduce((s, k) => s + k.maxPoints, 0)).toBe(100);
    for (const k of criteria) {
      if (k.kind === 'COMPUTED') expect(parseRule(k.ruleKey, k.ruleParams ?? {}).ok, k.code).toBe(true);
      if (k.kind === 'GRADE') {
        expect(k.levels![0]!.points, k.code).toBe(k.maxPoints);
        for (const l of k.levels!) expect(k.deductionRule, k.code).toContain(`${l.label}${l.points}分`);
      }
      if (k.kind === 'VETO') expect(k.vetoBand, k.code).toBeDefined();
      if (k.kind !== 'BONUS') expect(k.articleNumbers.length, k.code).toBeGreaterThan(0);
      // A per-occurrence rule states one price: "每…扣x分" with x its unit deduction.
      if (!k.kind || k.kind === 'DEDUCTION')
        expect(k.deductionRule, k.code).toContain(`扣${k.unitDeduction}分`);
    }
    const cited = new Set(criteria.flatMap((k) => k.articleNumbers));
    for (const n of [18, 31, 32, 33, 34, 35]) expect(cited.has(n), `Art ${n}`).toBe(true);
  });

  it('先锋岗, 责任区, 突击队 and the 党建+ tasks reach only units with a construction project', () => {
    const codes = ['A-21-1', 'A-22-2', 'A-23-1', 'A-25-1', 'A-26-1', 'A-28-1', 'A-47-1'];
    for (const c of codes) expect(action(c).projectOnly, c).toBe(true);
    expect(action('A-04-1').projectOnly).toBeFalsy();
  });
});
