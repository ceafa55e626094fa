/**
 * Step: the name a measure's page shows (its `<h1>` and `<title>`), beside
 * the printed title and sub-name kept as printed in the record.
 *
 * - A sub-measure printed as its package's name plus a parenthesised sub-name
 *   (`施策名：…支援パッケージ` / `（生産性向上・職場環境整備等事業）`) is named by the
 *   sub-name; the package is named as context on its page.
 * - Measures of one document that share a printed title are told apart by
 *   their sub-names; two that share both keep the printed name, and their
 *   pages say what tells them apart.
 * - An untitled measure (the name was an image) gets a short descriptive
 *   name from its page: for a contribution, the body it pays
 *   (`拠出先：Gaviワクチンアライアンス` → `Gaviワクチンアライアンスへの拠出金`), else the
 *   topic of its first sentence (`高齢者の保健事業推進のため、…` → `高齢者の保健事業推進に関する施策`).
 */
import { foldWidth, titleKey } from '../../../lib/normalise.ts';
import type { MeasureRecord } from '../../types.ts';

/** The recipient of a contribution as labelled: `拠出先：Gaviワクチンアライアンス`. */
const RECIPIENT = /拠出先\s*[:：]\s*([^\s、。（）()]{2,30})/u;
/** The recipient of a contribution in a sentence: `Gaviへの拠出を通じて`. */
const RECIPIENT_IN_TEXT = /([^\s、。「」（）()]{2,20})への拠出/u;
/** A date or period opening a sentence: `令和2年度から令和5年度まで、`. */
const TIME_CLAUSE = /^(?:令和|平成)[^、]{0,20}(?:まで|から|以降|において|に)、/u;
/** How a topic phrase ends before its clause goes on: `…においては、` `…のため、` `…するため、`. */
const TOPIC_END =
  /(?:においては|については|では|には|は|のため|するため|ため|に向けて|に向け|を踏まえ)$/u;

/** A short descriptive name for a measure whose name is not printed, from its page's text. */
export function deriveName(
  m: Pick<MeasureRecord, 'sections' | 'details'>,
  fallback: string,
): string {
  const all = foldWidth([m.sections.purpose, m.sections.overview, m.sections.scheme].join('\n'));
  const to = RECIPIENT.exec(all) ?? RECIPIENT_IN_TEXT.exec(all);
  if (to) return `${to[1]!}への拠出金`;
  const text = (m.sections.purpose || m.sections.overview).replace(/^[\s○◯●・•※◆■□➢▶-]+/u, '');
  const sentence = (text.split(/[。\n]/u)[0] ?? '').replace(TIME_CLAUSE, '');
  let topic = (sentence.split('、')[0] ?? '').replace(TOPIC_END, '').trim();
  // `…を確保する` → `…の確保`
  topic = topic.replace(/を([\p{Script=Han}]{2,6})(?:する|し)$/u, 'の$1');
  if ([...topic].length < 6 || [...topic].length > 40) return fallback;
  return `${topic}に関する施策`;
}

/**
 * Each measure's page name (see the module comment). `parents` are indexes
 * into `measures` (infer-parents).
 */
export function nameMeasures(
  measures: readonly MeasureRecord[],
  parents: readonly (number | null)[],
): string[] {
  const byTitle = new Map<string, number>();
  for (const m of measures)
    byTitle.set(titleKey(m.title), (byTitle.get(titleKey(m.title)) ?? 0) + 1);
  return measures.map((m, i) => {
    const p = parents[i];
    const parent = p === null || p === undefined ? null : measures[p]!;
    if (m.subtitle && parent && titleKey(parent.title) === titleKey(m.title)) return m.subtitle;
    if (m.subtitle && (byTitle.get(titleKey(m.title)) ?? 0) > 1)
      return `${m.title}（${m.subtitle}）`;
    return m.title;
  });
}
