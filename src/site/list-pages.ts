/**
 * What each list page shows, computed once per page from the generated data (site/data.ts):
 * a document's measures in either order, a bureau, a division and a tag with their measures
 * by amount. The pages only render these objects.
 */
import type { DocumentSummary } from '../schemas/document-summary.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import { hierarchyRows, sortByAmount, type TreeRow } from '../lib/hierarchy.ts';
import { documentByAmountPath, documentPath } from '../lib/links.ts';
import type { ChartSpec } from './charts/specs.ts';
import { chart } from './charts/index.ts';
import { contextLines } from './budget-context.ts';
import {
  bureauBySlug,
  curated,
  divisionOf,
  measuresByIds,
  measuresOfDocument,
  navigation,
  tagBySlug,
} from './data.ts';

/** Measures by amount, as flat table rows. */
const byAmount = (records: readonly MeasureRecord[]): TreeRow[] =>
  sortByAmount(records).map((record) => ({ record, depth: 0 }));
const charts = (ids: readonly string[]): ChartSpec[] =>
  ids.map(chart).filter((c): c is ChartSpec => c !== undefined);

/** A document's page: its measures in source order (packages with their parts) or by amount. */
export function documentPageData(doc: DocumentSummary, order: 'source' | 'amount') {
  const { meta } = doc;
  const measures = measuresOfDocument(meta.id);
  const orderings = [
    { order: 'source', label: '資料の順（パッケージと内訳）', path: documentPath(meta.id) },
    { order: 'amount', label: '金額の大きい順', path: documentByAmountPath(meta.id) },
  ] as const;
  return {
    meta,
    measures,
    rows: order === 'source' ? hierarchyRows(measures) : byAmount(measures),
    showBudget: new Set(measures.map((m) => m.budget.label)).size > 1,
    orderings,
    current: orderings.find((o) => o.order === order)!,
    charts:
      order === 'source' ? charts([`budget-${meta.id}-measures`, `budget-${meta.id}-bureaus`]) : [],
    packageCount: navigation.packages.filter((p) => p.document === meta.id).length,
    context: contextLines(meta.id, curated.context),
  };
}

/** A bureau's page: the bureau it lies within, those within it, its chart and its measures. */
export function bureauPageData(slug: string) {
  const b = bureauBySlug(slug)!;
  return {
    b,
    outer: b.within ? bureauBySlug(b.within) : undefined,
    inner: navigation.bureaus.filter((x) => x.within === b.slug),
    bureauChart: chart(`bureau-${b.slug}-measures`),
    rows: byAmount(measuresByIds(b.measures)),
  };
}

/** A division's page: its bureau and its measures. */
export function divisionPageData(bureau: string, division: string) {
  const b = bureauBySlug(bureau)!;
  const d = divisionOf(bureau, division)!;
  return {
    b,
    d,
    outer: b.within ? bureauBySlug(b.within) : undefined,
    rows: byAmount(measuresByIds(d.measures)),
    name: `${b.name} ${d.name}`,
  };
}

/** A tag's page: its measures. */
export function tagPageData(slug: string) {
  const t = tagBySlug(slug)!;
  return { t, rows: byAmount(measuresByIds(t.measures)) };
}
