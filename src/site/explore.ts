/**
 * What the explorer page (/explore/) shows, computed once from the generated data (site/data.ts):
 * one row per live measure of every document, in document then source order, with the texts of
 * its cells (the amount and change wording of the measure pages: formatYen, priorChange), and
 * the choices of its filters with their counts. src/pages/explore/index.astro only renders it;
 * src/site/explore-view.ts filters, sorts and writes CSV in the browser.
 */
import { amountKindLabel, formatAmountShort, formatYen } from '../lib/format.ts';
import { amountKindSchema, type MeasureRecord } from '../schemas/measure.ts';
import { NO_BUREAU, NO_VALUE, type ExploreRow } from './explore-view.ts';
import { priorChange, priorIsDash } from './lead.ts';
import { documentSummaries, link, measureRecords, navigation } from './data.ts';

/** A choice of a filter: its value in the URL, its words and how many rows it shows. */
export interface Choice {
  value: string;
  label: string;
  count: number;
}

/** The cells of one measure's row. */
function rowOf(m: MeasureRecord, index: number, budgetKey: string, bureaus: string[]): ExploreRow {
  const { amount } = m;
  const own = amount.kind === 'own' && amount.yen !== null;
  const change =
    own && amount.prior_yen !== null ? priorChange(amount.yen!, amount.prior_yen) : null;
  // as on the measure page's card: a request's printed （ー） means no initial budget the year before
  const noPrior = own && change === null && m.budget.kind === 'request' && priorIsDash(amount.text);
  return {
    index,
    id: m.id,
    name: m.name,
    url: link(m.url),
    budgetKey,
    budget: m.budget.label,
    amountKind: amount.kind,
    amount: amount.kind === 'none' ? amountKindLabel('none') : formatAmountShort(amount),
    yen: own ? amount.yen : null,
    prior: amount.prior_yen !== null ? formatYen(amount.prior_yen) : noPrior ? 'なし' : NO_VALUE,
    priorYen: amount.prior_yen,
    change: change ? change.text : NO_VALUE,
    diff: change ? change.diff : null,
    bureau: m.bureau ?? '',
    bureaus,
    tags: m.tags,
    tagSlugs: navigation.measures[m.id]?.tags ?? [],
  };
}

export function explorePageData() {
  // a document's budgets in the order its measures name them; `~n` only when there are several
  const labels = new Map<string, string[]>();
  for (const m of measureRecords) {
    const list = labels.get(m.source.document) ?? [];
    if (!list.includes(m.budget.label)) list.push(m.budget.label);
    labels.set(m.source.document, list);
  }
  const budgetKey = (m: MeasureRecord) => {
    const list = labels.get(m.source.document)!;
    return list.length > 1
      ? `${m.source.document}~${list.indexOf(m.budget.label) + 1}`
      : m.source.document;
  };
  const bureausOf = new Map<string, string[]>();
  for (const b of navigation.bureaus)
    for (const id of b.measures) bureausOf.set(id, [...(bureausOf.get(id) ?? []), b.slug]);
  const rows = measureRecords.map((m, i) => rowOf(m, i, budgetKey(m), bureausOf.get(m.id) ?? []));
  const count = (test: (r: ExploreRow) => boolean) => rows.filter(test).length;

  const documents = documentSummaries
    .filter((d) => labels.has(d.meta.id))
    .map((d) => {
      const id = d.meta.id;
      const own = labels.get(id)!;
      const inDoc = (r: ExploreRow) => r.budgetKey === id || r.budgetKey.startsWith(`${id}~`);
      const choices: Choice[] =
        own.length === 1
          ? [{ value: id, label: own[0]!, count: count(inDoc) }]
          : [
              { value: id, label: 'この資料のすべて', count: count(inDoc) },
              ...own.map((label, i) => ({
                value: `${id}~${i + 1}`,
                label,
                count: count((r) => r.budgetKey === `${id}~${i + 1}`),
              })),
            ];
      return { title: d.meta.title, choices };
    });
  const bureaus: Choice[] = [
    ...navigation.bureaus.map((b) => ({ value: b.slug, label: b.name, count: b.measures.length })),
    { value: NO_BUREAU, label: '担当の記載なし', count: count((r) => r.bureau === '') },
  ].filter((c) => c.count > 0);
  const tags: Choice[] = navigation.tags.map((t) => ({
    value: t.slug,
    label: t.name,
    count: t.measures.length,
  }));
  const kinds: Choice[] = amountKindSchema.options
    .map((k) => ({
      value: k,
      label: amountKindLabel(k),
      count: count((r) => r.amountKind === k),
    }))
    .filter((c) => c.count > 0);
  return { rows, documents, bureaus, tags, kinds, documentCount: documents.length };
}
