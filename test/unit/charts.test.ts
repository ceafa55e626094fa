import { describe, expect, it } from 'vitest';
import { layoutBars, topWithRest } from '../../src/site/charts/bars.ts';
import { textWidth, wrapLabel } from '../../src/site/charts/labels.ts';
import { buildCharts, percent } from '../../src/site/charts/specs.ts';
import { budgetTree, layoutTreemap, total } from '../../src/site/charts/treemap.ts';
import { amountScale, formatAxisYen } from '../../src/site/charts/units.ts';
import { summariseDocument } from '../../src/pipeline/derive/documents.ts';
import { indexRecords, ownTotal } from '../../src/pipeline/derive/totals.ts';
import { buildNavigation } from '../../src/pipeline/derive/navigation.ts';
import type { MeasureRecord } from '../../src/pipeline/types.ts';
import { fixtureDocument, makeRecord } from '../fixtures/records.ts';

/** Phrases for tests: cut after の, を, や (BudouX is not needed to test the layout rules). */
const phrases = (s: string) => s.split(/(?<=[のをや、])/u);
const own = (yen: number) => ({ yen, kind: 'own' as const, text: '', prior_yen: null, fund: null });

/** A budget: a package (100) with children 60 + 30 (10 not itemised), a plain measure 50, a 内数 and a no-figure measure. */
function budget(): MeasureRecord[] {
  return [
    makeRecord({
      id: 'p',
      title: '医療のパッケージ',
      amount: own(100),
      children: ['c1', 'c2', 'c3'],
    }),
    makeRecord({ id: 'c1', title: '病院の支援', amount: own(60), parent: 'p' }),
    makeRecord({ id: 'c2', title: '診療所の支援', amount: own(30), parent: 'p' }),
    makeRecord({
      id: 'c3',
      title: '基金の事業',
      amount: { yen: null, kind: 'part_of', text: '', prior_yen: null, fund: '基金' },
      parent: 'p',
    }),
    makeRecord({ id: 'm', title: '介護の施策', amount: own(50) }),
    makeRecord({
      id: 'n',
      title: '制度の見直し',
      amount: { yen: null, kind: 'none', text: '制度要求', prior_yen: null, fund: null },
    }),
  ];
}

describe('axis units', () => {
  it('labels amounts in Japanese units, never in scientific notation', () => {
    expect(formatAxisYen(0)).toBe('0');
    expect(formatAxisYen(5_000_000)).toBe('500万円');
    expect(formatAxisYen(50_000_000_000)).toBe('500億円');
    expect(formatAxisYen(100_000_000_000)).toBe('1,000億円');
    expect(formatAxisYen(1_000_000_000_000)).toBe('1兆円');
    expect(formatAxisYen(1_500_000_000_000)).toBe('1.5兆円');
  });
  it('starts at zero and reaches past the largest value', () => {
    const { ticks, scale } = amountScale(131_100_000_000, 200);
    expect(ticks[0]).toMatchObject({ value: 0, x: 0, label: '0' });
    expect(scale.domain()[1]).toBeGreaterThanOrEqual(131_100_000_000);
    for (const t of ticks) expect(t.label).not.toMatch(/e[+-]?\d/);
  });
});

describe('labels', () => {
  it('measures full-width characters wider than Latin ones', () => {
    expect(textWidth('医療', 10)).toBe(20);
    expect(textWidth('AB', 10)).toBe(12);
  });
  it('wraps between phrases, drops what does not fit, or cuts with …', () => {
    expect(
      wrapLabel('医療の提供体制を確保する', { maxWidth: 80, fontSize: 10, maxLines: 3, phrases }),
    ).toEqual(['医療の提供体制を', '確保する']);
    expect(
      wrapLabel('医療の提供体制を確保する', { maxWidth: 40, fontSize: 10, maxLines: 2, phrases }),
    ).toBeNull();
    expect(
      wrapLabel('医療の提供体制を確保する', {
        maxWidth: 40,
        fontSize: 10,
        maxLines: 2,
        phrases,
        ellipsis: true,
      }),
    ).toEqual(['医療の', '提供体…']);
  });
});

describe('treemap', () => {
  it('counts only own amounts, packages through their sub-measures, never twice', () => {
    const tree = budgetTree('予算', budget());
    expect(total(tree)).toBe(150); // package 100 (60 + 30 + 10 not itemised) + 50
    const names = JSON.stringify(tree);
    expect(names).not.toContain('基金の事業');
    expect(names).not.toContain('制度の見直し');
    expect(names).toContain('医療のパッケージ（内訳の示されていない分）');
  });

  it("has the document's one total as its whole, even when a package's items add up to more than it prints", () => {
    const records = budget().map((r) => (r.id === 'c2' ? { ...r, amount: own(45) } : r));
    // 60 + 45 = 105 > 100: the package is one cell of 100, not 105
    const tree = budgetTree('予算', records);
    expect(total(tree)).toBe(150);
    expect(total(tree)).toBe(ownTotal(records, indexRecords(records)).yen);
    expect(JSON.stringify(tree)).not.toContain('病院の支援');
  });

  it('lays out cells whose areas equal the data and whose labels fit or are dropped', () => {
    const layout = layoutTreemap(budgetTree('予算', budget()), 300, 200, phrases);
    expect(layout.total).toBe(150);
    expect(layout.cells.map((c) => c.value).reduce((a, b) => a + b)).toBe(150);
    for (const c of layout.cells) {
      const share = (c.w * c.h) / (300 * 200);
      expect(Math.abs(share - c.value / 150)).toBeLessThan(0.05);
      if (c.label)
        for (const line of c.label) expect(textWidth(line, 12)).toBeLessThanOrEqual(c.w - 8);
    }
    const tiny = layoutTreemap(budgetTree('予算', budget()), 30, 20, phrases);
    expect(tiny.cells.every((c) => c.label === null)).toBe(true);
  });
});

describe('bars', () => {
  it('keeps tick labels apart and inside the chart, with fewer ticks when they would touch', () => {
    for (const max of [3_500_000_000, 10_500_000_000_000, 980_000_000_000, 7_000_000]) {
      const layout = layoutBars([{ label: '施策', value: max, path: null, id: null }], phrases);
      let right = -Infinity;
      layout.ticks.forEach((t, i) => {
        const w = textWidth(t.label, 11);
        const left = i === 0 ? t.x : t.x - w / 2;
        expect(left, `${max}: ${t.label}`).toBeGreaterThanOrEqual(right + 6);
        expect(left + w, `${max}: ${t.label}`).toBeLessThanOrEqual(layout.width);
        right = left + w;
      });
      expect(layout.ticks.length, String(max)).toBeGreaterThanOrEqual(2);
      // the amount stays in the chart: after the bar, or inside its end
      const row = layout.rows[0]!;
      const w = textWidth(row.amountLabel, 13);
      const [from, to] = row.amountInside
        ? [layout.plotX + row.barWidth - 4 - w, layout.plotX + row.barWidth - 4]
        : [layout.plotX + row.barWidth + 4, layout.plotX + row.barWidth + 4 + w];
      expect(from, String(max)).toBeGreaterThanOrEqual(0);
      expect(to, String(max)).toBeLessThanOrEqual(layout.width);
    }
  });

  it('keeps the top items and sums the rest', () => {
    const items = [5, 1, 4, 2, 3].map((v) => ({ label: `項目${v}`, value: v }));
    const top = topWithRest(items, 3);
    expect(top.map((i) => [i.label, i.value])).toEqual([
      ['項目5', 5],
      ['項目4', 4],
      ['項目3', 3],
      ['その他 2件', 3],
    ]);
    expect(topWithRest(items, 5)).toHaveLength(5);
  });
  it('starts every bar at zero with lengths proportional to the values', () => {
    const layout = layoutBars(
      [
        { label: 'a', value: 300 },
        { label: 'b', value: 100 },
      ],
      phrases,
    );
    const [a, b] = layout.rows;
    expect(a!.barWidth / b!.barWidth).toBeCloseTo(3, 1);
    expect(layout.ticks[0]).toMatchObject({ x: layout.plotX, label: '0' });
  });
});

describe('chart specs', () => {
  const doc = fixtureDocument();
  const records = doc.measures;
  const { nav } = buildNavigation({
    records,
    files: new Map(),
    org: null,
    tags: [],
    cross: { same: [], different: [] },
  });
  const charts = buildCharts({ records, nav, documents: [summariseDocument(doc)] });

  it('has a treemap, the budget charts, and a share and prior-year chart for a measure', () => {
    expect([...charts.keys()]).toEqual(
      expect.arrayContaining([
        'budgets-totals',
        'treemap-fixture',
        'budget-fixture-measures',
        'budget-fixture-bureaus',
        'measure-fixture-2-prior',
        'measure-fixture-2-share',
      ]),
    );
    expect(charts.has('measure-fixture-3-share')).toBe(false); // 内数: no share of its own
  });

  it('draws no bar chart of one bar, and says why in its message', () => {
    // the fixture's measures name no bureau: its bureau chart has one bar, 担当の記載なし
    const bureaus = charts.get('budget-fixture-bureaus')!;
    expect(bureaus.bars).toHaveLength(1);
    expect(bureaus.single).toBe(true);
    expect(bureaus.message).toBe(
      'この資料の施策には、担当の局の記載がありません。局ごとに比べられないため、図は描きません。',
    );
    expect(charts.get('budget-fixture-measures')!.single).toBeUndefined();
  });

  it('states the main message and keeps table numbers equal to the records', () => {
    const share = charts.get('measure-fixture-2-share')!;
    expect(share.message).toBe(
      'この施策の3.9億円は、この資料に載っている施策（令和6年度補正予算案）の合計（約1,311.7億円）の0.3%です。厚生労働省の補正予算全体に占める割合ではありません。',
    );
    for (const spec of charts.values()) {
      for (const row of spec.rows) {
        if (!row.id) continue;
        const r = records.find((x) => x.id === row.id)!;
        expect(row.cells.at(-1), `${spec.id} ${row.id}`).toBe(r.amount.yen);
      }
    }
  });

  it('formats percentages for reading', () => {
    expect(percent(63, 100)).toBe('63%');
    expect(percent(6.34, 100)).toBe('6.3%');
    expect(percent(0.026, 100)).toBe('0.026%');
    expect(percent(1, 0)).toBe('—');
  });
});
