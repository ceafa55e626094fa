/**
 * Horizontal bar charts, laid out for narrow screens first: each bar has its
 * label on a line of its own above it and its amount after it, so nothing
 * overlaps at 320 px. Bars start at zero.
 */
import { formatYen } from '../../lib/format.ts';
import { amountScale } from './units.ts';
import { wrapLabel } from './labels.ts';

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

export function layoutBars(
  items: readonly BarItem[],
  phrases: (s: string) => string[],
  width = 320,
): BarLayout {
  const plotX = 4;
  const amountRoom = 92;
  const plotWidth = width - plotX - amountRoom;
  const { scale, ticks } = amountScale(Math.max(0, ...items.map((i) => i.value)), plotWidth);
  let y = 4;
  const rows = items.map((item) => {
    const labelLines = wrapLabel(item.label, {
      maxWidth: width - plotX * 2,
      fontSize: BAR_FONT,
      maxLines: 2,
      phrases,
      ellipsis: true,
    }) ?? [item.label];
    const row: BarRow = {
      ...item,
      y: y + labelLines.length * LINE,
      barWidth: Math.max(item.value > 0 ? 1 : 0, scale(item.value)),
      labelLines,
      amountLabel: formatYen(item.value),
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
