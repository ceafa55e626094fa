/**
 * Every chart of the site as data: what it shows, its main message in words,
 * its data table (the same numbers, also published as CSV) and its sources.
 * Pure: records, navigation and document summaries in, chart specs out. The
 * components only draw them.
 */
import type { DocumentSummary } from '../../schemas/document-summary.ts';
import { formatEraYear, formatYen, setTotalLabel } from '../../lib/format.ts';
import type { Navigation } from '../../schemas/navigation.ts';
import { measureUrl } from '../../lib/links.ts';
import type { MeasureRecord } from '../../schemas/measure.ts';
import { topWithRest, type BarItem } from './bars.ts';
import { budgetTree, total, type TreeNode } from './treemap.ts';
import {
  countedOwn,
  hasOwnAmount,
  indexRecords,
  totalsByLabel,
  type RecordIndex,
} from '../../pipeline/derive/totals.ts';

export interface ChartRow {
  /** Measure id when the row stands for one measure. */
  id: string | null;
  /** Site path the row links to. */
  path: string | null;
  cells: (string | number)[];
}

export interface ChartSpec {
  /** File-safe id; the CSV is /data/charts/<id>.csv. */
  id: string;
  kind: 'treemap' | 'bars' | 'share';
  title: string;
  /** The main message, in words (SVG <desc> and the caption). */
  message: string;
  /** Titles of the source documents. */
  sources: string[];
  columns: string[];
  rows: ChartRow[];
  bars?: BarItem[];
  tree?: TreeNode;
  share?: { part: number; whole: number; partLabel: string; wholeLabel: string };
  /** A sentence on what the numbers include (shown under the chart). */
  note?: string;
  /** One category only: no picture to compare, so the figure says it in words (table, CSV and sources kept). */
  single?: boolean;
}

export interface ChartInput {
  records: readonly MeasureRecord[];
  nav: Navigation;
  documents: readonly DocumentSummary[];
  /** The records by id, when the caller has built it already. */
  index?: RecordIndex;
}

/** Percentage for reading: whole from 10 %, one decimal from 1 %, two significant figures below. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '—';
  const p = (part / whole) * 100;
  if (p === 0) return '0%';
  if (p < 1) return `${Number(p.toPrecision(2))}%`;
  return p < 10 ? `${Math.round(p * 10) / 10}%` : `${Math.round(p)}%`;
}

const YEN = '金額（円）';

function docTitle(docs: readonly DocumentSummary[], id: string): string {
  return docs.find((d) => d.meta.id === id)?.meta.title ?? id;
}

/** Largest item's share of the total, as a sentence. */
function largest(
  items: readonly { label: string; value: number }[],
  whole: number,
  what: string,
): string {
  const top = [...items].sort((a, b) => b.value - a.value)[0];
  if (!top || whole <= 0) return `${what}はありません。`;
  return `最大は「${top.label}」の${formatYen(top.value)}で、${what}（${formatYen(whole)}）の${percent(top.value, whole)}です。`;
}

/** The bureau of a measure whose page names none (the search filter uses the same words). */
const NO_BUREAU = '担当の記載なし';

/** The 局 a measure belongs to (a 部 counts for its 局), or a group name. */

function bureauOf(
  nav: Navigation,
  bySlug: ReadonlyMap<string, Navigation['bureaus'][number]>,
  id: string,
): string {
  const top = new Set(
    (nav.measures[id]?.units ?? []).map((u) => {
      let b = bySlug.get(u.bureau);
      while (b?.within && bySlug.get(b.within)) b = bySlug.get(b.within);
      return b?.name ?? u.bureau;
    }),
  );
  if (top.size === 0) return NO_BUREAU;
  return top.size === 1 ? [...top][0]! : '複数の局';
}

/** What every chart builder reads: the input, and the lookups built once from it. */
interface ChartContext extends ChartInput {
  index: RecordIndex;
  /** Each document's records, in source order. */
  byDoc: ReadonlyMap<string, readonly MeasureRecord[]>;
  bureauBySlug: ReadonlyMap<string, Navigation['bureaus'][number]>;
  /** Total of each budget label (derive/totals.ts). */
  budgetTotal: ReadonlyMap<string, number>;
}

/**
 * Every chart, by id, in a fixed order: the home's totals; per document its treemap, largest
 * measures and bureaus; per measure its prior-year, share and program charts; per bureau its
 * measures. One function per chart; a function returns nothing when its chart would be empty.
 */
export function buildCharts(input: ChartInput): Map<string, ChartSpec> {
  const { records, nav, documents } = input;
  const index = input.index ?? indexRecords(records);
  const byDoc = new Map<string, MeasureRecord[]>();
  for (const r of records) {
    const list = byDoc.get(r.source.document);
    if (list) list.push(r);
    else byDoc.set(r.source.document, [r]);
  }
  const ctx: ChartContext = {
    ...input,
    index,
    byDoc,
    bureauBySlug: new Map(nav.bureaus.map((b) => [b.slug, b])),
    budgetTotal: totalsByLabel(records, index),
  };
  const specs: (ChartSpec | undefined)[] = [budgetsTotalsChart(ctx)];
  for (const doc of documents) specs.push(...documentCharts(ctx, doc));
  for (const r of records)
    specs.push(measurePriorChart(r, ctx), measureShareChart(r, ctx), measureProgramsChart(r, ctx));
  const labels = [...new Set(records.map((r) => r.budget.label))];
  for (const b of nav.bureaus) specs.push(bureauMeasuresChart(b, labels, ctx));
  for (const p of nav.programs) specs.push(programTimelineChart(p, ctx));
  return new Map(
    specs.filter((c): c is ChartSpec => c !== undefined).map((c) => [c.id, oneCategory(c)]),
  );
}

/**
 * A bar chart of one bar compares nothing (r3-hosei's bureaus: 「担当の記載なし 100%」): it is
 * not drawn, and its message says so.
 */
function oneCategory(c: ChartSpec): ChartSpec {
  if (c.kind !== 'bars' || (c.bars?.length ?? 0) > 1) return c;
  const only = c.bars?.[0];
  const words =
    only === undefined
      ? '項目がないため、図は描きません。'
      : only.label === NO_BUREAU
        ? 'この資料の施策には、担当の局の記載がありません。局ごとに比べられないため、図は描きません。'
        : `項目は「${only.label}」（${formatYen(only.value)}）の一つだけのため、図は描きません。`;
  return { ...c, single: true, message: words };
}

/** Home: the budgets' totals. */
function budgetsTotalsChart({ documents }: ChartContext): ChartSpec {
  const totals = documents.flatMap((d) =>
    d.totals
      .filter((t) => t.top_level_own_count > 0)
      .map((t) => ({
        label: t.label,
        value: t.top_level_own_yen,
        doc: d.meta.id,
        count: t.top_level_own_count,
      })),
  );
  return {
    id: 'budgets-totals',
    kind: 'bars',
    title: '予算ごとの合計',
    message: largest(
      totals,
      totals.reduce((s, t) => s + t.value, 0),
      '各予算の合計の和',
    ),
    sources: documents.map((d) => d.meta.title),
    columns: ['予算', '資料', '合計に含めた施策の数', YEN],
    rows: totals.map((t) => ({
      id: null,
      path: `/budgets/${t.doc}/`,
      cells: [t.label, docTitle(documents, t.doc), t.count, t.value],
    })),
    bars: totals.map((t) => ({ label: t.label, value: t.value, path: `/budgets/${t.doc}/` })),
    note: '各予算で金額の示された最上位の施策（パッケージと、どのパッケージにも属さない施策）の合計です。年度も種類も違う予算なので、足し合わせる意味はありません。',
  };
}

/** A document's charts: its treemap, then (when it has amounts) its largest measures and its bureaus. */
function documentCharts(ctx: ChartContext, doc: DocumentSummary): (ChartSpec | undefined)[] {
  const rs = ctx.byDoc.get(doc.meta.id) ?? [];
  const top = countedOwn(rs, ctx.index);
  const treemap = budgetTreemapChart(doc, rs, ctx);
  if (top.length === 0) return [treemap];
  const sum = top.reduce((s, r) => s + r.amount.yen, 0);
  return [treemap, budgetMeasuresChart(doc, top, sum), budgetBureausChart(doc, top, sum, ctx)];
}

/** Budget page: budget → package → measure, by area. */
function budgetTreemapChart(
  doc: DocumentSummary,
  rs: readonly MeasureRecord[],
  ctx: ChartContext,
): ChartSpec | undefined {
  const title = doc.meta.title;
  const tree = budgetTree(title, rs, ctx.index);
  const whole = total(tree);
  if (whole <= 0) return undefined;
  const leaves: { node: TreeNode; parent: string }[] = [];
  const walk = (n: TreeNode, parent: string) =>
    n.children
      ? n.children.forEach((c) => walk(c, n.id ? n.name : parent))
      : leaves.push({ node: n, parent });
  walk(tree, '');
  const items = (tree.children ?? [])
    .flatMap((g) => g.children ?? [])
    .map((n) => ({ label: n.name, value: total(n) }));
  return {
    id: `treemap-${doc.meta.id}`,
    kind: 'treemap',
    title: `${title}：施策の金額の内訳`,
    message: largest(
      items,
      whole,
      setTotalLabel(doc.meta.kind, doc.totals.map((t) => t.label).join('・')),
    ),
    sources: [title],
    columns: ['施策', '上位の施策（パッケージ）', YEN],
    rows: leaves.map(({ node, parent }) => ({
      id: node.id,
      path: node.id ? measureUrl(node.id) : null,
      cells: [node.name, parent, node.value ?? 0],
    })),
    tree,
    note: '面積は金額に比例します。パッケージの金額は内訳の施策に分けて示し、二重に数えていません。他の予算の内数や金額の記載がない施策は含みません。',
  };
}

type Counted = ReturnType<typeof countedOwn>;

/** Budget page: the 20 largest measures and the rest. */
function budgetMeasuresChart(doc: DocumentSummary, top: Counted, sum: number): ChartSpec {
  const title = doc.meta.title;
  const items = top.map((r) => ({ label: r.name, value: r.amount.yen, path: r.url, id: r.id }));
  const bars = topWithRest(items, 20);
  return {
    id: `budget-${doc.meta.id}-measures`,
    kind: 'bars',
    title: `${title}：金額の大きい施策`,
    message: largest(items, sum, '合計'),
    sources: [title],
    columns: ['施策', '予算', YEN],
    rows: top.map((r) => ({
      id: r.id,
      path: r.url,
      cells: [r.name, r.budget.label, r.amount.yen],
    })),
    bars,
    note: `金額の示された最上位の施策${top.length}件です（内訳の施策は上位の施策の金額に含まれます）。${bars.length > 20 ? '21位以下は「その他」にまとめました。' : ''}`,
  };
}

/** Budget page: the amounts by bureau. */
function budgetBureausChart(
  doc: DocumentSummary,
  top: Counted,
  sum: number,
  { nav, bureauBySlug }: ChartContext,
): ChartSpec {
  const title = doc.meta.title;
  const byBureau = new Map<string, number>();
  for (const r of top) {
    const name = bureauOf(nav, bureauBySlug, r.id);
    byBureau.set(name, (byBureau.get(name) ?? 0) + r.amount.yen);
  }
  const bureauItems = [...byBureau].map(([label, value]) => ({ label, value }));
  return {
    id: `budget-${doc.meta.id}-bureaus`,
    kind: 'bars',
    title: `${title}：担当の局ごとの金額`,
    message: largest(bureauItems, sum, '合計'),
    sources: [title],
    columns: ['局', YEN],
    rows: [...bureauItems]
      .sort((a, b) => b.value - a.value)
      .map((b) => ({ id: null, path: null, cells: [b.label, b.value] })),
    bars: topWithRest(bureauItems, 20),
    note: '金額の示された最上位の施策を、担当の局（部は所属する局）ごとに足しました。複数の局が担当する施策は「複数の局」にまとめています。',
  };
}

/** Measure page: this year's amount beside the prior year's. */
function measurePriorChart(r: MeasureRecord, { documents }: ChartContext): ChartSpec | undefined {
  if (!hasOwnAmount(r) || r.amount.prior_yen === null) return undefined;
  const diff = r.amount.yen - r.amount.prior_yen;
  return {
    id: `measure-${r.id}-prior`,
    kind: 'bars',
    title: '前年度との比較',
    message: `${r.budget.label}は${formatYen(r.amount.yen)}で、前年度当初予算額（${formatYen(r.amount.prior_yen)}）より${diff === 0 ? '増減はありません' : `${formatYen(Math.abs(diff))}${diff > 0 ? '多い' : '少ない'}額です`}。`,
    sources: [docTitle(documents, r.source.document)],
    columns: ['区分', YEN],
    rows: [
      { id: null, path: null, cells: ['前年度当初予算額', r.amount.prior_yen] },
      { id: r.id, path: null, cells: [r.budget.label, r.amount.yen] },
    ],
    bars: [
      { label: '前年度当初予算額', value: r.amount.prior_yen, series: 4 },
      { label: r.budget.label, value: r.amount.yen, highlight: true },
    ],
  };
}

/** The kind of budget in words, for saying what a share is not of. */
function budgetWord(r: MeasureRecord): string {
  return r.budget.kind === 'request'
    ? '概算要求'
    : r.budget.kind === 'supplementary'
      ? '補正予算'
      : r.budget.kind === 'initial'
        ? '予算'
        : '関連予算';
}

/** Measure page: its share of the total of the measures its document prints. */
function measureShareChart(
  r: MeasureRecord,
  { documents, budgetTotal, index }: ChartContext,
): ChartSpec | undefined {
  const whole = budgetTotal.get(r.budget.label) ?? 0;
  if (!hasOwnAmount(r) || whole <= 0 || r.amount.yen > whole) return undefined;
  const nested = r.parent !== null && index.has(r.parent);
  const repeated = r.counted_in ? index.get(r.counted_in.id) : undefined;
  // the denominator is the booklet's measures, not the ministry's whole budget: say so everywhere
  const set = `この資料に載っている施策（${r.budget.label}）の合計`;
  return {
    id: `measure-${r.id}-share`,
    kind: 'share',
    title: `この資料に載っている施策の合計に占める割合`,
    message: `この施策の${formatYen(r.amount.yen)}は、${set}（${formatYen(whole)}）の${percent(r.amount.yen, whole)}です。厚生労働省の${budgetWord(r)}全体に占める割合ではありません。`,
    sources: [docTitle(documents, r.source.document)],
    columns: ['区分', YEN],
    rows: [
      { id: r.id, path: null, cells: ['この施策', r.amount.yen] },
      { id: null, path: null, cells: [set, whole] },
    ],
    share: {
      part: r.amount.yen,
      whole,
      partLabel: 'この施策',
      // short: drawn on the bar (the row and the message say what the whole is in full)
      wholeLabel: 'この資料の施策の合計',
    },
    note: `合計は、この資料で金額の示された最上位の施策の合計です（資料に載っていない予算は含みません）。${nested ? 'この施策の金額は上位の施策（パッケージ）の金額にも含まれています。' : ''}${repeated ? `この施策の金額は「${repeated.name}」の内訳にも載っているため、合計ではその施策の額として一度だけ数えています。` : ''}`,
  };
}

/** Measure page: the same program's amounts in each budget. */
function measureProgramsChart(
  r: MeasureRecord,
  { nav, index, documents }: ChartContext,
): ChartSpec | undefined {
  const related = (nav.measures[r.id]?.related ?? [])
    .map((id) => index.get(id))
    .filter((o): o is MeasureRecord => o !== undefined);
  const program = [r, ...related]
    .filter(hasOwnAmount)
    .sort(
      (a, b) =>
        a.budget.fiscal_year - b.budget.fiscal_year || (a.budget.label < b.budget.label ? -1 : 1),
    );
  if (
    related.length === 0 ||
    program.length < 2 ||
    !program.includes(r as (typeof program)[number])
  )
    return undefined;
  return {
    id: `measure-${r.id}-programs`,
    kind: 'bars',
    title: 'この施策の各予算での金額',
    message:
      program.map((p) => `${p.budget.label}は${formatYen(p.amount.yen)}`).join('、') + 'です。',
    sources: [...new Set(program.map((p) => docTitle(documents, p.source.document)))],
    columns: ['予算', '施策', YEN],
    rows: program.map((p) => ({
      id: p.id,
      path: p.url,
      cells: [p.budget.label, p.name, p.amount.yen],
    })),
    bars: program.map((p) => ({
      label: p.budget.label,
      value: p.amount.yen,
      path: p.id === r.id ? null : p.url,
      id: p.id,
      highlight: p.id === r.id,
    })),
    note: '名前が同じ施策を、予算ごとに並べました。補正予算と概算要求など、種類の違う予算が混ざっています。',
  };
}

/**
 * Program page: its amounts by budget, oldest first, with the prior year's initial budget a
 * request prints (前年度当初予算額) as a bar of its own. Different kinds of budget side by side:
 * the note says they are not a series of changes.
 */
function programTimelineChart(
  p: Navigation['programs'][number],
  { index, documents }: ChartContext,
): ChartSpec | undefined {
  const members = p.measures
    .map((id) => index.get(id))
    .filter((r): r is MeasureRecord => r !== undefined);
  const initialYears = new Set(
    members.filter((m) => m.budget.kind === 'initial').map((m) => m.budget.fiscal_year),
  );
  // a prior figure's row stands for no measure (its amount is not the record's): id null
  const points: {
    label: string;
    value: number;
    id: string | null;
    path: string | null;
    what: string;
  }[] = [];
  for (const m of members) {
    const prior = m.amount.prior_yen;
    if (
      m.budget.kind === 'request' &&
      prior !== null &&
      !initialYears.has(m.budget.fiscal_year - 1)
    )
      points.push({
        label: `${formatEraYear(m.budget.fiscal_year - 1)}当初予算`,
        value: prior,
        id: null,
        path: null,
        what: `${m.budget.label}の資料にある前年度当初予算額`,
      });
    if (hasOwnAmount(m))
      points.push({
        label: m.budget.label,
        value: m.amount.yen,
        id: m.id,
        path: m.url,
        what: m.name,
      });
  }
  if (points.length === 0) return undefined;
  return {
    id: `program-${p.slug}-timeline`,
    kind: 'bars',
    title: '予算ごとの金額の移り変わり',
    message: `${points.map((x) => `${x.label}は${formatYen(x.value)}`).join('、')}です。`,
    sources: [...new Set(members.map((m) => docTitle(documents, m.source.document)))],
    columns: ['予算', '出典の施策', YEN],
    rows: points.map((x) => ({ id: x.id, path: x.path, cells: [x.label, x.what, x.value] })),
    bars: points.map((x) => ({ label: x.label, value: x.value, path: x.path, id: x.id })),
    note: '古い予算から順に並べています。補正予算・概算要求・当初予算は種類の違う予算で、続けて読んでも増減にはなりません。当初予算の額は、概算要求の資料に前年度の額として書かれているものです。',
  };
}

/** Bureau page: its measures by amount, across budgets. */
function bureauMeasuresChart(
  b: Navigation['bureaus'][number],
  labels: readonly string[],
  { index, documents }: ChartContext,
): ChartSpec | undefined {
  const own = countedOwn(
    b.measures.map((id) => index.get(id)).filter((r): r is MeasureRecord => r !== undefined),
    index,
  );
  if (own.length === 0) return undefined;
  const items = own.map((r) => ({
    label: `${r.name}（${r.budget.label}）`,
    value: r.amount.yen,
    path: r.url,
    id: r.id,
    series: labels.indexOf(r.budget.label),
  }));
  const sum = items.reduce((s, i) => s + i.value, 0);
  return {
    id: `bureau-${b.slug}-measures`,
    kind: 'bars',
    title: `${b.name}の施策（金額の大きい順）`,
    message: largest(items, sum, '表示した施策の合計'),
    sources: [...new Set(own.map((r) => docTitle(documents, r.source.document)))],
    columns: ['施策', '予算', YEN],
    rows: [...own]
      .sort((a, c) => c.amount.yen - a.amount.yen)
      .map((r) => ({ id: r.id, path: r.url, cells: [r.name, r.budget.label, r.amount.yen] })),
    bars: topWithRest(items, 20),
    note: '年度や種類の違う予算の施策を並べています。上位の施策（パッケージ）も同じ局の担当であれば、その内訳の施策は含めていません。',
  };
}

/** The chart's data as CSV (BOM, header row; amounts as integers). */
export function chartCsvRows(spec: ChartSpec): (string | number)[][] {
  return [spec.columns, ...spec.rows.map((r) => r.cells)];
}
