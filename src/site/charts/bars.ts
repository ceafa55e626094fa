/**
 * Horizontal bar charts, laid out for narrow screens first: each bar has its
 * label on a line of its own above it and its amount after it, so nothing
 * overlaps at 320 px. Bars start at zero.
 */
import { formatYen } from '../../lib/format.ts';
import { amountScale } from './units.ts';
import { textWidth, wrapLabel } from './labels.ts';

export interface BarItem {
  label: string;
  value: number;
  /** Site path of the thing the bar stands for, if any. */
  path?: string | null;
  /** Measure id (for data tables and tests). */
  id?: string | null;
  highlight?: boolean;
  /** Colour index (a budget, say); 0 when all bars are alike. */
  series?: number;
}

export interface BarRow extends BarItem {
  y: number;
  barWidth: number;
  labelLines: string[];
  amountLabel: string;
  /** The amount is drawn inside the bar's end (white), as after it it would leave the chart. */
  amountInside: boolean;
}

export interface BarLayout {
  width: number;
  height: number;
  /** Left edge and width of the plotting area. */
  plotX: number;
  plotWidth: number;
  rows: BarRow[];
  ticks: { x: number; label: string }[];
  axisY: number;
}

export const BAR_FONT = 13;
const LINE = BAR_FONT * 1.3;
const BAR = 14;
const GAP = 10;

/**
 * The top `top` items by value and, when there are more, one "その他 N件"
 * bar with the sum of the rest. Items keep their order among equal values.
 */
export function topWithRest(items: readonly BarItem[], top: number): BarItem[] {
  const sorted = items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => b.it.value - a.it.value || a.i - b.i)
    .map(({ it }) => it);
  if (sorted.length <= top) return sorted;
  const rest = sorted.slice(top);
  return [
    ...sorted.slice(0, top),
    {
      label: `その他 ${rest.length}件`,
      value: rest.reduce((s, r) => s + r.value, 0),
      path: null,
      id: null,
      series: 4,
    },
  ];
}

/** Tick labels' font size (BarsSvg.astro). */
export const TICK_FONT = 11;

/**
 * The amount scale with as many round ticks as fit: from four down to one,
 * the first count whose labels (the first anchored at its start, the others
 * centred) keep 6 px apart and stay inside the chart.
 */
function fittingScale(max: number, plotWidth: number, plotX: number, width: number) {
  for (const count of [4, 3, 2, 1]) {
    const fitted = amountScale(max, plotWidth, count);
    let right = -Infinity;
    const fits = fitted.ticks.every((t, i) => {
      const w = textWidth(t.label, TICK_FONT);
      const left = i === 0 ? plotX + t.x : plotX + t.x - w / 2;
      const end = left + w;
      const ok = left >= right + 6 && end <= width;
      right = end;
      return ok;
    });
    if (fits) return fitted;
  }
  const one = amountScale(max, plotWidth, 1);
  return { scale: one.scale, ticks: one.ticks.slice(0, 1) };
}

export function layoutBars(
  items: readonly BarItem[],
  phrases: (s: string) => string[],
  width = 320,
): BarLayout {
  const plotX = 4;
  const amountRoom = 92;
  const plotWidth = width - plotX - amountRoom;
  const { scale, ticks } = fittingScale(
    Math.max(0, ...items.map((i) => i.value)),
    plotWidth,
    plotX,
    width,
  );
  let y = 4;
  const rows = items.map((item) => {
    const labelLines = wrapLabel(item.label, {
      // a margin for the width estimate (Latin letters are drawn wider than 0.6 em in some fonts)
      maxWidth: width - plotX * 2 - 12,
      fontSize: BAR_FONT,
      maxLines: 2,
      phrases,
      ellipsis: true,
    }) ?? [item.label];
    const barWidth = Math.max(item.value > 0 ? 1 : 0, scale(item.value));
    const amountLabel = formatYen(item.value);
    const row: BarRow = {
      ...item,
      y: y + labelLines.length * LINE,
      barWidth,
      labelLines,
      amountLabel,
      // the amount after the bar, or inside its end when it would leave the chart
      amountInside: plotX + barWidth + 4 + textWidth(amountLabel, BAR_FONT) > width - 2,
    };
    y += labelLines.length * LINE + BAR + GAP;
    return row;
  });
  const axisY = y;
  return {
    width,
    height: axisY + 22,
    plotX,
    plotWidth,
    rows,
    ticks: ticks.map((t) => ({ x: plotX + t.x, label: t.label })),
    axisY,
  };
}
