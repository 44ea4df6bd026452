import { describe, expect, it } from 'vitest';
import { buildWorkbook, parseWorkbook } from './excel';
import { TEMPLATE_EXAMPLE } from './export';
import type { BookData } from './excel';

/** The template's book with one criterion of every kind (100 base points over the two that carry them). */
const book = (over: Partial<BookData['criteria'][number]>[] = []): BookData => {
  const base = TEMPLATE_EXAMPLE.criteria[0]!;
  const criteria: BookData['criteria'] = [
    { ...base, maxPoints: 60 },
    {
      ...base,
      code: 'C1.2',
      title: '会议记录质量',
      maxPoints: 40,
      kind: 'GRADE',
      levels: [
        { label: '好', points: 40 },
        { label: '较好', points: 32 },
        { label: '一般', points: 24 },
        { label: '差', points: 8 },
      ],
      ruleKey: null,
      ruleParams: null,
      annualOnly: true,
    },
    {
      ...base,
      code: 'C9.1',
      title: '获得上级党组织表彰',
      maxPoints: 0,
      kind: 'BONUS',
      levels: [
        { label: '省级', points: 3 },
        { label: '市级', points: 2 },
      ],
      ruleKey: null,
      ruleParams: null,
    },
    {
      ...base,
      code: 'C9.2',
      title: '发生违纪违法案件',
      maxPoints: 0,
      kind: 'VETO',
      vetoBand: 'PASS',
      ruleKey: null,
      ruleParams: null,
    },
  ];
  over.forEach((o, i) => Object.assign(criteria[i]!, o));
  return { ...TEMPLATE_EXAMPLE, criteria };
};

describe('the standard’s kinds in the Excel workbook', () => {
  it('export then import gives back every kind, its levels, band, rule and parameters', async () => {
    const data = book();
    const r = await parseWorkbook(await buildWorkbook(data));
    expect(r.errors).toEqual([]);
    expect(r.data!.criteria).toEqual(data.criteria);
  });
  it('an unknown rule or parameters it does not take are refused by row and column', async () => {
    const r = await parseWorkbook(
      await buildWorkbook(
        book([{ ruleParams: { kind: 'GENERAL_ASSEMBLY', per: 'WEEK', min: 1 } }, {}, { levels: [] }]),
      ),
    );
    expect(r.data).toBeUndefined();
    expect(r.errors.map((e) => `${e.row}:${e.column}:${e.message.split('|')[0]}`)).toEqual([
      '2:规则参数:ledger.errors.badParams',
      '4:等级或加分档:handbook.errors.levelCount',
    ]);
    const unknown = await parseWorkbook(await buildWorkbook(book([{ ruleKey: 'guessWhat' }])));
    expect(unknown.errors.map((e) => e.column)).toEqual(['计算规则']);
  });
});
