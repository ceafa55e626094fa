/**
 * The id registry: one file per document under content/registry/, checked
 * in like a lockfile. A measure's id is minted once, when the measure is
 * first seen, and is looked up in the registry on every later build; it is
 * never recomputed from the measure's text. That is what keeps URLs stable
 * across body edits, reordering, insertions and corrected titles or amounts.
 *
 * This module parses, checks and writes registry files and matches one
 * document's measures to its entries. It knows nothing of the file system.
 */
import { stringify } from 'yaml';
import { registrySchema, type Registry, type RegistryEntry } from '../../schemas/registry.ts';
import { parseCurated, type Problem } from '../load/checked-yaml.ts';

export type { Registry, RegistryEntry };
import { titleKey } from '../../lib/normalise.ts';
import { dice } from './similarity.ts';

/** A registry file as read, with the line of each entry for messages. */
export interface LoadedRegistry {
  registry: Registry;
  file: string;
  /** 1-based line of each entry, by id. */
  lines: Map<string, number>;
  /** The file's text as read (to tell whether it needs writing back). */
  text: string;
}

/** The number of an id minted for `document` (`r6-hosei-042` → 42), else null. */
export function idNumber(document: string, id: string): number | null {
  if (!id.startsWith(`${document}-`)) return null;
  const rest = id.slice(document.length + 1);
  return /^\d{3,}$/.test(rest) ? Number(rest) : null;
}

/** The id with number `n` for `document`: three digits at least (`r6-hosei-007`). */
export function mintId(document: string, n: number): string {
  return `${document}-${String(n).padStart(3, '0')}`;
}

export function emptyRegistry(document: string): Registry {
  return { document, next: 1, entries: [] };
}

/**
 * Parse and check one registry file. Problems name the file and, where the
 * YAML tells, the line. Checks within the file: the schema, unique ids,
 * and that every number below `next` is still there (ids are never deleted).
 */
export function parseRegistry(
  text: string,
  file: string,
): { ok: true; loaded: LoadedRegistry } | { ok: false; problems: Problem[] } {
  const checked = parseCurated(text, file, registrySchema);
  if (!checked.ok) return checked;
  const registry = checked.value as Registry;
  const lines = new Map<string, number>();
  const problems: Problem[] = [];
  const numbers = new Set<number>();
  registry.entries.forEach((e, i) => {
    const line = checked.lineOf(['entries', i]);
    if (lines.has(e.id))
      problems.push({
        code: 'registry',
        severity: 'error',
        file,
        line,
        message: `id ${e.id} is registered twice`,
      });
    lines.set(e.id, line ?? 0);
    const n = idNumber(registry.document, e.id);
    if (n === null) {
      problems.push({
        code: 'registry',
        severity: 'error',
        file,
        line,
        message: `id ${e.id} is not of the form ${mintId(registry.document, 1)}`,
      });
    } else if (n >= registry.next) {
      problems.push({
        code: 'registry',
        severity: 'error',
        file,
        line,
        message: `id ${e.id} is not below next (${registry.next})`,
      });
    } else {
      numbers.add(n);
    }
  });
  for (let n = 1; n < registry.next; n++) {
    if (!numbers.has(n)) {
      problems.push({
        code: 'registry',
        severity: 'error',
        file,
        line: checked.lineOf(['next']),
        message:
          `id ${mintId(registry.document, n)} was removed from the registry. Ids are never deleted: restore the entry ` +
          '(status: gone makes it a tombstone page; moved_to: <id> makes it redirect)',
      });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, loaded: { registry, file, lines, text } };
}

const HEADER = (
  document: string,
) => `# Id registry of document "${document}". Like a lockfile: \`npm run build\` writes it;
# review the changes and commit them. Every measure keeps the id it got here,
# and its URL /measures/<id>/, for good.
#
# - The build matches the document's measures to these entries by normalised
#   title first, then by amount, bureau, package, purpose text and order; a
#   corrected title is recognised by similarity. Every such guess is listed
#   in the build summary. New measures get the next number.
# - An entry that no measure matches any more becomes a tombstone
#   (status: gone): its page says the measure is no longer in the documents.
# - Never delete an entry or reuse a number: the build fails if a number
#   below \`next\` is missing.
# - Hand edits the build keeps: \`successor: <id>\` (linked from a tombstone),
#   \`moved_to: <id>\` (the id redirects there, e.g. after a merge),
#   \`aliases\` (older ids that redirect here, e.g. the title-hash ids of
#   the site's first version) and \`note\` (say why).
# - To force a match the build missed, set \`title\` to the measure's new title.
# - When the document leaves the sources for good, add \`retired: <date>\` and
#   a \`note\` (and \`successor: <document id>\` when one replaces it): its
#   pages become tombstones. Without that, a missing source stops the build.
#   To change the document's id, give the new metadata \`renamed_from: ${document}\`.
`;

/** The registry as YAML with its explanatory header; byte-identical for equal input. */
export function formatRegistry(registry: Registry): string {
  const entries = registry.entries.map((e) => {
    const out: Record<string, unknown> = {
      id: e.id,
      title: e.title,
      untitled: e.untitled,
      amount: e.amount,
      bureau: e.bureau,
      parent: e.parent,
      purpose: e.purpose,
      status: e.status,
    };
    if (e.successor !== undefined) out.successor = e.successor;
    if (e.moved_to !== undefined) out.moved_to = e.moved_to;
    if (e.aliases !== undefined && e.aliases.length > 0) out.aliases = e.aliases;
    if (e.note !== undefined) out.note = e.note;
    return out;
  });
  const top: Record<string, unknown> = { document: registry.document };
  for (const key of [
    'title',
    'source_lines',
    'retired',
    'note',
    'successor',
    'renamed_to',
  ] as const)
    if (registry[key] !== undefined) top[key] = registry[key];
  const body = stringify(
    { ...top, next: registry.next, entries },
    { lineWidth: 0, minContentWidth: 0, defaultKeyType: 'PLAIN' },
  );
  return `${HEADER(registry.document)}${body}`;
}

/** What the matcher compares: derived from a measure, or stored in an entry. */
export interface Fingerprint {
  title: string;
  untitled: boolean;
  amount: string;
  bureau: string | null;
  /** Title of the package (parent measure), if any. */
  parentTitle: string | null;
  purpose: string;
}

/** Characters of purpose text kept in the registry. */
export const PURPOSE_CHARS = 40;

export function amountSignature(amount: {
  kind: 'own' | 'part_of' | 'none';
  yen: number | null;
  fund: string | null;
}): string {
  if (amount.kind === 'own' && amount.yen !== null) return `own ${amount.yen}`;
  if (amount.kind === 'part_of') return `part_of ${amount.fund ?? ''}`.trimEnd();
  return 'none';
}

export function purposeSnippet(purpose: string): string {
  return [...purpose.replace(/\s+/gu, ' ').trim()].slice(0, PURPOSE_CHARS).join('');
}

export type MatchEvent =
  | { kind: 'new'; measure: number; id: string }
  | { kind: 'renamed'; measure: number; id: string; from: string; similarity: number }
  | { kind: 'uncertain'; measure: number; id: string; reason: string }
  | { kind: 'revived'; measure: number; id: string }
  | { kind: 'gone'; id: string; title: string };

export interface MatchResult {
  /** The id of each measure, in input order. */
  ids: string[];
  /** What happened, for the build summary. */
  events: MatchEvent[];
  /** The registry after this build: fingerprints refreshed, new entries appended, unmatched ones gone. */
  registry: Registry;
}

interface Prepared {
  key: string;
  fp: Fingerprint;
  parentKey: string | null;
  purposeKey: string;
}

function prepare(fp: Fingerprint): Prepared {
  return {
    key: titleKey(fp.title),
    fp,
    parentKey: fp.parentTitle === null ? null : titleKey(fp.parentTitle),
    purposeKey: titleKey(purposeSnippet(fp.purpose)),
  };
}

/** Evidence other than the title that a measure and an entry are the same. */
function support(m: Prepared, e: Prepared): number {
  let s = 0;
  if (m.fp.amount === e.fp.amount) s += 4;
  if (
    m.fp.bureau !== null &&
    e.fp.bureau !== null &&
    titleKey(m.fp.bureau) === titleKey(e.fp.bureau)
  )
    s += 2;
  if (m.parentKey === e.parentKey) s += 2;
  s += 2 * dice(m.purposeKey, e.purposeKey);
  return s;
}

interface Pair {
  m: number;
  e: number;
  score: number;
  similarity: number;
}

const EPSILON = 1e-9;

/**
 * Greedy assignment, best score first; among equal scores the pair whose
 * positions are closest (then the earliest) wins. A pick is uncertain when
 * an equally good pair shares its measure or entry and was still open.
 */
function assign(pairs: Pair[], rankM: (m: number) => number, rankE: (e: number) => number) {
  const sorted = [...pairs].sort(
    (a, b) =>
      b.score - a.score ||
      Math.abs(rankM(a.m) - rankE(a.e)) - Math.abs(rankM(b.m) - rankE(b.e)) ||
      a.m - b.m ||
      a.e - b.e,
  );
  const usedM = new Set<number>();
  const usedE = new Set<number>();
  const picks: (Pair & { uncertain: boolean })[] = [];
  for (const p of sorted) {
    if (usedM.has(p.m) || usedE.has(p.e)) continue;
    const rival = sorted.some(
      (q) =>
        q !== p &&
        Math.abs(q.score - p.score) < EPSILON &&
        ((q.m === p.m && !usedE.has(q.e)) || (q.e === p.e && !usedM.has(q.m))),
    );
    usedM.add(p.m);
    usedE.add(p.e);
    picks.push({ ...p, uncertain: rival });
  }
  return picks;
}

/** Similarity of titles above which a leftover measure is taken for a renamed entry. */
export const RENAME_SIMILARITY = 0.6;

function fuzzyCandidate(m: Prepared, e: Prepared): Pair | null {
  const similarity = dice(m.key, e.key);
  const sameAmount = m.fp.amount === e.fp.amount && m.fp.amount !== 'none';
  const purpose = dice(m.purposeKey, e.purposeKey);
  const sameBureau =
    m.fp.bureau !== null && e.fp.bureau !== null && titleKey(m.fp.bureau) === titleKey(e.fp.bureau);
  // the same text in one of them after a prefix the other lacks (a note read as text before)
  const contains =
    m.purposeKey.length >= 12 &&
    e.purposeKey.length >= 12 &&
    (m.purposeKey.includes(e.purposeKey.slice(0, 12)) ||
      e.purposeKey.includes(m.purposeKey.slice(0, 12)));
  const ok =
    similarity >= RENAME_SIMILARITY ||
    (similarity >= 0.3 && sameAmount && (sameBureau || purpose >= 0.5)) ||
    // a corrected title (the old one was a division, a caption, another page's name):
    // the same money and the same text say it is the same measure
    (sameAmount && (purpose >= 0.5 || contains)) ||
    // no figure on either side: the same text alone (a measure of a policy page whose title was misread)
    (m.fp.amount === 'none' && e.fp.amount === 'none' && (purpose >= 0.6 || contains));
  return ok
    ? { m: -1, e: -1, score: 6 * similarity + support(m, e) + (contains ? 1 : 0), similarity }
    : null;
}

/**
 * Match one document's measures (fingerprints, in source order, and the
 * index of each one's parent) to its registry. Pure: returns the ids, what
 * happened, and the updated registry.
 *
 * 1. Equal normalised titles: one measure and one entry are a match; several
 *    are paired by amount, bureau, package, purpose text and order.
 * 2. The rest: corrected titles, recognised by similarity plus the same
 *    evidence (reported as renamed).
 * 3. A measure whose title and text both changed: by its amount, when one open
 *    entry has it; else by its place, when it sits between two kept measures
 *    and one open entry with the same amount was registered between them.
 * 4. Still unmatched measures get new ids; unmatched entries become gone.
 * Entries with `moved_to` are never matched. A gone entry that matches again
 * is live again (reported as revived).
 */
export function matchDocument(
  registry: Registry,
  measures: readonly Fingerprint[],
  parents: readonly (number | null)[],
): MatchResult {
  const entries = registry.entries;
  const titleOfId = new Map(entries.map((e) => [e.id, e.title]));
  const M = measures.map(prepare);
  const E = entries.map((e) =>
    prepare({
      ...e,
      parentTitle: e.parent === null ? null : (titleOfId.get(e.parent) ?? e.parent),
    }),
  );
  const open = entries.map((e, i) => (e.moved_to === undefined ? i : -1)).filter((i) => i >= 0);
  const matchOf = new Map<number, number>(); // measure → entry
  const events: MatchEvent[] = [];

  // 1. equal titles
  const byKeyM = groupBy(
    M.map((_, i) => i),
    (i) => M[i]!.key,
  );
  const byKeyE = groupBy(open, (i) => E[i]!.key);
  for (const [key, ms] of byKeyM) {
    const es = byKeyE.get(key);
    if (!es) continue;
    if (ms.length === 1 && es.length === 1) {
      matchOf.set(ms[0]!, es[0]!);
      continue;
    }
    const pairs = ms.flatMap((m) =>
      es.map((e) => ({ m, e, score: support(M[m]!, E[e]!), similarity: 1 })),
    );
    for (const p of assign(
      pairs,
      (m) => ms.indexOf(m),
      (e) => es.indexOf(e),
    )) {
      matchOf.set(p.m, p.e);
      if (p.uncertain) {
        events.push({
          kind: 'uncertain',
          measure: p.m,
          id: entries[p.e]!.id,
          reason: `${ms.length} measures and ${es.length} registered ids share this title and nothing else tells them apart; paired in order`,
        });
      }
    }
  }

  // 2. corrected titles
  const usedE = new Set(matchOf.values());
  const restM = M.map((_, i) => i).filter((i) => !matchOf.has(i));
  const restE = open.filter((i) => !usedE.has(i));
  const fuzzy: Pair[] = [];
  for (const m of restM) {
    for (const e of restE) {
      const c = fuzzyCandidate(M[m]!, E[e]!);
      if (c) fuzzy.push({ ...c, m, e });
    }
  }
  for (const p of assign(
    fuzzy,
    (m) => m / Math.max(1, M.length),
    (e) => e / Math.max(1, entries.length),
  )) {
    matchOf.set(p.m, p.e);
    const id = entries[p.e]!.id;
    events.push({
      kind: 'renamed',
      measure: p.m,
      id,
      from: entries[p.e]!.title,
      similarity: p.similarity,
    });
    if (p.uncertain)
      events.push({
        kind: 'uncertain',
        measure: p.m,
        id,
        reason: 'another registered id fits this measure equally well',
      });
  }

  /** A measure keeps an entry's id on weaker evidence: a rename, marked uncertain for a person to check. */
  const keptByGuess = (m: number, e: number, reason: string) => {
    const id = entries[e]!.id;
    events.push({
      kind: 'renamed',
      measure: m,
      id,
      from: entries[e]!.title,
      similarity: dice(M[m]!.key, E[e]!.key),
    });
    events.push({ kind: 'uncertain', measure: m, id, reason });
  };

  // 3. what is still unpaired: a measure whose title and text were both corrected keeps its id
  //    when exactly one open entry has its amount, and that entry fits no other measure
  const usedE2 = new Set(matchOf.values());
  const restM2 = M.map((_, i) => i).filter((i) => !matchOf.has(i));
  const restE2 = open.filter(
    (i) => !usedE.has(i) && !usedE2.has(i) && entries[i]!.status === 'live',
  );
  const sameMoney = (m: number, e: number) =>
    M[m]!.fp.amount === E[e]!.fp.amount && M[m]!.fp.amount !== 'none';
  for (const m of restM2) {
    const es = restE2.filter((e) => sameMoney(m, e));
    if (es.length !== 1) continue;
    const e = es[0]!;
    if (restM2.filter((o) => sameMoney(o, e)).length !== 1) continue;
    matchOf.set(m, e);
    keptByGuess(m, e, 'matched by its amount alone (title and text both changed)');
  }

  // 4. a measure between two kept neighbours takes the one open entry registered between them
  //    (with the same amount): its place in the document says it is the same measure
  const usedE3 = new Set(matchOf.values());
  const restE3 = open.filter((i) => !usedE3.has(i) && entries[i]!.status === 'live');
  const between = (m: number): number[] => {
    let p = m - 1;
    while (p >= 0 && !matchOf.has(p)) p--;
    let q = m + 1;
    while (q < M.length && !matchOf.has(q)) q++;
    const lo = p >= 0 ? matchOf.get(p)! : -1;
    const hi = q < M.length ? matchOf.get(q)! : entries.length;
    if (lo >= hi) return [];
    return restE3.filter((e) => e > lo && e < hi && E[e]!.fp.amount === M[m]!.fp.amount);
  };
  const restM3 = M.map((_, i) => i).filter((i) => !matchOf.has(i));
  const sandwiched = new Map(restM3.map((m) => [m, between(m)]));
  for (const m of restM3) {
    const es = sandwiched.get(m)!;
    if (es.length !== 1) continue;
    const e = es[0]!;
    if (restM3.filter((o) => sandwiched.get(o)!.includes(e)).length !== 1) continue;
    matchOf.set(m, e);
    keptByGuess(
      m,
      e,
      'matched by its place between two kept measures (title and text both changed)',
    );
  }

  // 5. new ids, tombstones, refreshed entries
  let next = registry.next;
  const ids = measures.map((_, i) => {
    const e = matchOf.get(i);
    if (e !== undefined) return entries[e]!.id;
    const id = mintId(registry.document, next++);
    events.push({ kind: 'new', measure: i, id });
    return id;
  });
  const matchedEntry = new Map<number, number>([...matchOf].map(([m, e]) => [e, m]));
  const updated: RegistryEntry[] = entries.map((entry, e) => {
    const m = matchedEntry.get(e);
    if (m === undefined) {
      if (entry.moved_to === undefined && entry.status === 'live')
        events.push({ kind: 'gone', id: entry.id, title: entry.title });
      return entry.moved_to === undefined ? { ...entry, status: 'gone' } : entry;
    }
    if (entry.status === 'gone') events.push({ kind: 'revived', measure: m, id: entry.id });
    return { ...entry, ...stored(measures[m]!, parents[m], ids), status: 'live' };
  });
  measures.forEach((fp, i) => {
    if (matchOf.has(i)) return;
    updated.push({ id: ids[i]!, ...stored(fp, parents[i], ids), status: 'live' });
  });
  return { ids, events, registry: { ...registry, next, entries: updated } };
}

function stored(fp: Fingerprint, parent: number | null | undefined, ids: readonly string[]) {
  return {
    title: fp.title,
    untitled: fp.untitled,
    amount: fp.amount,
    bureau: fp.bureau,
    parent: parent === null || parent === undefined ? null : ids[parent]!,
    purpose: purposeSnippet(fp.purpose),
  };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
