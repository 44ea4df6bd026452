/** The ECharts options of the /insights charts: plain data, built here so the page reads as its cards. */

type Axis = Record<string, unknown>;

/** A value axis of 0–100 %. */
export const percentAxis = () => ({ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } });

/** `part` of `whole` in per cent, to one decimal. */
export const percent = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** One named line of a `categoryChart`. */
export const line = (name: string, data: (number | null)[]) => ({ name, type: 'line', data });

/**
 * Series over categories along the x axis (quarters, months, criteria), all read together in one tooltip.
 * `axisLabel` styles the categories' labels (turned, when they are many).
 */
export function categoryChart({
  categories,
  axisLabel,
  yAxis,
  legend = {},
  series,
}: {
  categories: string[];
  axisLabel?: Axis;
  yAxis: Axis | Axis[];
  legend?: Axis;
  series: Axis[];
}) {
  return {
    tooltip: { trigger: 'axis' },
    legend,
    xAxis: { type: 'category', data: categories, ...(axisLabel && { axisLabel }) },
    yAxis,
    series,
  };
}

/**
 * One horizontal bar per category (units), room on the left for their names; `inverse` lists the first at the top.
 * `bar` holds the bars' data and their style.
 */
export function horizontalBars({
  categories,
  inverse = false,
  xAxis,
  bar,
}: {
  categories: string[];
  inverse?: boolean;
  xAxis: Axis;
  bar: Axis;
}) {
  return {
    tooltip: {},
    grid: { left: 170 },
    xAxis: { type: 'value', ...xAxis },
    yAxis: { type: 'category', ...(inverse && { inverse }), data: categories },
    series: [{ type: 'bar', ...bar }],
  };
}

/**
 * Bars of the quarters, one series per key stacked: in each quarter, the count `n` of the row of that quarter and
 * key.
 */
export function stackedBars<R extends { quarter: string; n: number }>({
  quarters,
  keys,
  rows,
  keyOf,
  nameOf = (k) => k,
  yAxis,
}: {
  quarters: string[];
  keys: readonly string[];
  rows: readonly R[];
  keyOf: (r: R) => string;
  nameOf?: (key: string) => string;
  yAxis: Axis;
}) {
  return {
    tooltip: {},
    legend: {},
    xAxis: { type: 'category', data: quarters },
    yAxis,
    series: keys.map((k) => ({
      name: nameOf(k),
      type: 'bar',
      stack: 'all',
      data: quarters.map((q) => rows.find((r) => r.quarter === q && keyOf(r) === k)?.n ?? 0),
    })),
  };
}
