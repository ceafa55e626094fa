/**
 * Amount axes in Japanese units: 0, 200億円, 1,000億円, 1兆円, 1.5兆円 —
 * never scientific notation. Ticks start at zero.
 */
import { scaleLinear } from 'd3';

const OKU = 100_000_000;
const CHO = 1_000_000_000_000;
const MAN = 10_000;
const fmt = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** An axis label for an amount in yen (exact for tick values, which are round). */
export function formatAxisYen(yen: number): string {
  if (yen === 0) return '0';
  if (yen >= CHO) return `${fmt.format(yen / CHO)}兆円`;
  if (yen >= OKU) return `${fmt.format(yen / OKU)}億円`;
  if (yen >= MAN) return `${fmt.format(yen / MAN)}万円`;
  return `${fmt.format(yen)}円`;
}

/** A zero-based linear scale over [0, max] with about `count` round ticks. */
export function amountScale(max: number, range: number, count = 4) {
  const scale = scaleLinear()
    .domain([0, Math.max(max, 1)])
    .range([0, range])
    .nice(count);
  return {
    scale,
    ticks: scale
      .ticks(count)
      .map((value) => ({ value, x: scale(value), label: formatAxisYen(value) })),
  };
}
