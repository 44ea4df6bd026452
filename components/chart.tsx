'use client';
import { toCsv } from '@/lib/csv';
import { useEffect, useRef } from 'react';

type Row = Record<string, string | number | null>;

/**
 * One ECharts chart (loaded in the browser only) with its data as a CSV download beside it, so a
 * reader can take the numbers into Excel.
 */
export function Chart({
  option,
  rows,
  fileName,
  downloadLabel,
  testId,
  height = 320,
}: {
  option: Record<string, unknown>;
  rows: Row[];
  fileName: string;
  downloadLabel: string;
  testId: string;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('echarts').then((echarts) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'svg' });
      c.setOption(option);
      chart = c;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  const download = () => {
    const csv = toCsv(rows);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `${fileName}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <div data-testid={testId}>
      <div ref={el} style={{ height }} className="w-full" role="img" aria-label={fileName} />
      <button
        type="button"
        onClick={download}
        className="min-h-11 text-sm text-brand-700 underline"
        data-testid={`${testId}-csv`}
      >
        {downloadLabel}
      </button>
    </div>
  );
}
