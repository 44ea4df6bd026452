import { describe, expect, it } from 'vitest';
import { PART1 } from '../../prisma/handbook/content-part1';
import { PART2 } from '../../prisma/handbook/content-part2';
import { PART3 } from '../../prisma/handbook/content-part3';
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
});
