/**
 * Measure ids and URLs. For now an id is derived from the document id and a
 * hash of the normalised title, so it survives reordering and body edits;
 * equal titles in one document are numbered in order of appearance.
 * (The stable-URL registry of issue 3 builds on this.)
 */
import { createHash } from 'node:crypto';
import type { DocumentResult } from './types.ts';
import { titleKey } from './normalize.ts';

export function titleHash(title: string): string {
  return createHash('sha256').update(titleKey(title), 'utf8').digest('hex').slice(0, 8);
}

export function measureUrl(id: string): string {
  return `/measures/${id}/`;
}

/** Fill id, url, parent and children of every measure, in place. */
export function assignIds(results: DocumentResult[]): void {
  const all = new Set<string>();
  for (const r of results) {
    const seen = new Map<string, number>();
    for (const m of r.measures) {
      const base = `${r.meta.id}-${titleHash(m.title)}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      m.id = n === 1 ? base : `${base}-${n}`;
      if (all.has(m.id)) throw new Error(`${r.meta.file}: duplicate measure id ${m.id}`);
      all.add(m.id);
      m.url = measureUrl(m.id);
    }
    r.measures.forEach((m, i) => {
      const p = r.parentIndex[i];
      m.parent = p === null || p === undefined ? null : r.measures[p]!.id;
      m.children = [];
    });
    r.measures.forEach((m, i) => {
      const p = r.parentIndex[i];
      if (p !== null && p !== undefined) r.measures[p]!.children.push(m.id);
    });
  }
}
