/**
 * Map a measure's printed headings onto the four record sections and collect
 * the text under each. PDF extraction often prints a column of headings first
 * and their texts after; a run of consecutive headings therefore takes the
 * following paragraphs one by one, the last heading keeping the rest.
 */
import type { Sections } from './types.ts';
import { headingKind, type HeadingKind } from './lines.ts';
import { BULLET, cleanText } from './cleanup.ts';

export interface SectionInput {
  lines: readonly string[];
  /** 0-based inclusive range to read. */
  start: number;
  end: number;
  /** Lines that belong to the measure's header (title, amount, bureau …) and are not section text. */
  skip: ReadonlySet<number>;
}

type Bucket = HeadingKind | 'lead';

/**
 * Split lines into paragraphs at blank lines (keeping line order). A blank
 * line after an unfinished sentence is a layout gap, not a paragraph end.
 */
function paragraphs(lines: string[]): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  let gap = false;
  for (const l of lines) {
    if (l.trim() === '') {
      gap = true;
      continue;
    }
    const last = cur[cur.length - 1]?.trim() ?? '';
    if (gap && cur.length && (/[。：:】」）)]$/u.test(last) || BULLET.test(l.trim()))) {
      out.push(cur);
      cur = [];
    }
    cur.push(l);
    gap = false;
  }
  if (cur.length) out.push(cur);
  return out;
}

export function collectSections({ lines, start, end, skip }: SectionInput): { sections: Sections; lead: string } {
  const buckets: Record<Bucket, string[]> = { lead: [], purpose: [], overview: [], scheme: [], outcome: [], other: [] };
  let run: HeadingKind[] = [];
  let pending: string[] = [];

  const flush = () => {
    if (run.length === 0) {
      buckets.lead.push(...pending, '');
    } else if (run.length === 1) {
      buckets[run[0]!].push(...pending, '');
    } else {
      const paras = paragraphs(pending);
      run.forEach((kind, k) => {
        const take = k === run.length - 1 ? paras.slice(k) : paras.slice(k, k + 1);
        for (const p of take) buckets[kind].push(...p, '');
      });
    }
    pending = [];
  };

  for (let i = start; i <= end && i < lines.length; i++) {
    if (skip.has(i)) continue;
    const line = lines[i]!;
    const kind = headingKind(line);
    if (kind) {
      const onlyBlank = pending.every((l) => l.trim() === '');
      if (onlyBlank && run.length > 0) {
        if (!run.includes(kind)) run.push(kind);
        pending = [];
      } else {
        flush();
        run = [kind];
      }
      continue;
    }
    pending.push(line);
  }
  flush();

  const text = (b: Bucket) => cleanText(buckets[b]);
  const sections: Sections = {
    purpose: text('purpose'),
    overview: text('overview'),
    scheme: text('scheme'),
    outcome: text('outcome'),
  };
  return { sections, lead: text('lead') };
}
