import { getFormatter, getTranslations } from 'next-intl/server';
import type { sheetDetailFor } from '@/lib/feedback/queries';

type Detail = Awaited<ReturnType<typeof sheetDetailFor>>;
type Deduction = {
  code: string;
  title: string;
  count: number;
  deduction: number;
  reason: string;
  /** A computed criterion scored other than its records gave: the records' count. */
  suggested?: number | null;
};

/** The 检查调研情况反馈单 as a document: the same markup on screen, on paper and in the PDF. */
export async function FeedbackSheetDocument({ d }: { d: Detail }) {
  const [t, tb, format] = await Promise.all([
    getTranslations('feedback'),
    getTranslations('handbook.bands'),
    getFormatter(),
  ]);
  const s = d.sheet;
  const day = (x: Date) => format.dateTime(x, { dateStyle: 'long', timeZone: 'Asia/Shanghai' });
  const cell = 'border border-stone-500 p-1.5 align-top';
  return (
    <article
      className="mx-auto max-w-[180mm] bg-white text-[15px] leading-7 text-black"
      data-testid="feedback-sheet"
    >
      <header className="mb-4 text-center">
        <p className="text-base" data-testid="sheet-committee">
          {d.committee}
        </p>
        <h1 className="text-2xl font-bold tracking-widest">{t('sheetTitle')}</h1>
        <p className="text-sm">{t('number', { number: s.number })}</p>
      </header>
      <table className="mb-3 w-full border-collapse text-sm">
        <tbody>
          <tr>
            <th className={`${cell} w-28 text-left`}>{t('unit')}</th>
            <td className={cell} data-testid="sheet-unit">
              {s.audit.org.name}
            </td>
            <th className={`${cell} w-24 text-left`}>{t('issuedAt')}</th>
            <td className={cell}>{day(s.issuedAt)}</td>
          </tr>
          <tr>
            <th className={`${cell} text-left`}>{t('plan')}</th>
            <td className={cell}>{s.audit.plan.title}</td>
            <th className={`${cell} text-left`}>{t('issuer')}</th>
            <td className={cell}>{d.issuer}</td>
          </tr>
        </tbody>
      </table>
      <h2 className="font-bold">
        {t('section', { n: 1 })}
        {t('summary')}
      </h2>
      <p className="mb-3 whitespace-pre-line indent-8">{s.summary}</p>
      <h2 className="font-bold">
        {t('section', { n: 2 })}
        {t('problems')}
      </h2>
      <ol className="mb-3 list-decimal pl-8">
        {s.items.map((it) => (
          <li key={it.id}>
            <span className="font-medium">{it.problem}</span>
            <br />
            {t('suggestion')}：{it.suggestion}
          </li>
        ))}
      </ol>
      <h2 className="font-bold">
        {t('section', { n: 3 })}
        {t('deductions')}
      </h2>
      <table className="mb-3 w-full border-collapse text-sm">
        <thead>
          <tr>
            <th className={cell}>#</th>
            <th className={cell}>{t('criterion')}</th>
            <th className={cell}>{t('count')}</th>
            <th className={cell}>{t('deduction')}</th>
            <th className={cell}>{t('reason')}</th>
          </tr>
        </thead>
        <tbody>
          {(s.deductions as Deduction[]).map((x, i) => (
            <tr key={x.code}>
              <td className={cell}>{i + 1}</td>
              <td className={cell}>
                {x.code} {x.title}
              </td>
              <td className={cell}>
                {x.count}
                {x.suggested != null && x.suggested !== x.count && (
                  <span className="block text-xs" data-testid="override-note">
                    {t('overridden', { suggested: x.suggested })}
                  </span>
                )}
              </td>
              <td className={cell}>{x.deduction}</td>
              <td className={cell}>{x.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="font-bold">{t('total', { total: s.total, grade: tb(s.grade as never) })}</p>
      <p className="font-bold">{t('deadline', { date: day(s.deadline) })}</p>
      <p className="mt-12 whitespace-pre-wrap">{t('signatures')}</p>
    </article>
  );
}
