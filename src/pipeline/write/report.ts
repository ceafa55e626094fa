/**
 * The build report printed on the console: per document what was found and what could not be
 * placed. Pure: results in, text out.
 */
import type { DocumentResult, MeasureRecord } from '../types.ts';

/** Count of measures per amount kind. */
export function amountKindCounts(
  measures: readonly MeasureRecord[],
): Record<'own' | 'part_of' | 'none', number> {
  const counts = { own: 0, part_of: 0, none: 0 };
  for (const m of measures) counts[m.amount.kind] += 1;
  return counts;
}

/**
 * Plain-text build summary: per document the measures found, their amount
 * kinds and untitled count, then every unattributed amount line and every
 * problem with its file and line, so a reviewer can check each one.
 */
export function buildReport(results: readonly DocumentResult[]): string {
  const out: string[] = [];
  let total = 0;
  const sectionNotes = new Map(results.map((r) => [r.meta.id, r.sectionNotes]));
  for (const { meta, measures, problems, unattributed } of results) {
    const counts = amountKindCounts(measures);
    const untitled = measures.filter((m) => m.untitled).length;
    total += measures.length;
    out.push(
      `${meta.id} (${meta.file}): ${measures.length} measures ` +
        `(own ${counts.own}, part_of ${counts.part_of}, none ${counts.none}); ` +
        `${untitled} untitled; ${unattributed.length} unattributed; ${problems.length} problems`,
    );
    for (const u of unattributed)
      out.push(`  ${meta.file}:${u.line}: unattributed: ${oneLine(u.text)}`);
    for (const p of problems)
      out.push(`  ${p.file}${p.line === null ? '' : `:${p.line}`}: ${oneLine(p.message)}`);
    const notes = sectionNotes.get(meta.id);
    if (notes) {
      for (const u of notes.unclassified)
        out.push(
          `  ${meta.file}:${u.line}: heading-like line of no known form (section text): ${oneLine(u.text)}`,
        );
      if (notes.uncertain.length > 0) {
        const listed = notes.uncertain.slice(0, LISTED_UNCERTAIN).map((l) => `${meta.file}:${l}`);
        const more = notes.uncertain.length - listed.length;
        out.push(
          `  sections read on weak evidence (${notes.uncertain.length} blocks; check them): ${listed.join(' ')}${more > 0 ? ` and ${more} more` : ''}`,
        );
      }
    }
  }
  out.push(`total: ${total} measures in ${results.length} documents`);
  const unlinked = results.filter((r) => r.meta.url === null).map((r) => r.meta);
  if (unlinked.length > 0)
    out.push(
      `documents without the original's URL (url and url_checked in the .meta.yaml beside the text; pages say 「原資料のURLは未登録です」): ${unlinked.map((m) => `${m.id} (${m.file})`).join(', ')}`,
    );
  return `${out.join('\n')}\n`;
}

/** Uncertain section blocks listed by line before the rest are counted. */
const LISTED_UNCERTAIN = 12;

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
