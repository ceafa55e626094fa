/**
 * Programs across budgets. A program is the same measure in several budget documents: the
 * cross-budget links of navigation (equal titles, and the pairs confirmed in
 * content/cross-budget.yaml) joined transitively, with appearances in two documents or more.
 * Each gets a slug from content/registry/_programs.yaml, matched by the measure ids it has
 * joined (ids never change, so neither do slugs); a new program is minted the next number.
 */
import type { MeasureRecord } from '../types.ts';
import type { ProgramEntry, ProgramNav, ProgramRegistry } from '../../schemas/programs.ts';

export const NO_PROGRAMS: ProgramRegistry = { next: 1, programs: [] };

/** Order of budget kinds within a fiscal year: the request comes before the initial budget, the supplementary after it. */
const KIND_ORDER: Record<string, number> = { request: 0, initial: 1, supplementary: 2, policy: 3 };

/** Appearances oldest first: fiscal year, kind, then document and source order. */
export function byBudget(records: readonly MeasureRecord[], order: ReadonlyMap<string, number>) {
  return [...records].sort(
    (a, b) =>
      a.budget.fiscal_year - b.budget.fiscal_year ||
      KIND_ORDER[a.budget.kind]! - KIND_ORDER[b.budget.kind]! ||
      order.get(a.id)! - order.get(b.id)!,
  );
}

/** The linked groups of measures in two documents or more, each oldest budget first, in record order of their first member. */
export function programGroups(
  records: readonly MeasureRecord[],
  related: (id: string) => readonly string[],
): MeasureRecord[][] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const order = new Map(records.map((r, i) => [r.id, i]));
  const seen = new Set<string>();
  const groups: MeasureRecord[][] = [];
  for (const r of records) {
    if (seen.has(r.id)) continue;
    const group: MeasureRecord[] = [];
    const queue = [r.id];
    seen.add(r.id);
    while (queue.length > 0) {
      const id = queue.shift()!;
      group.push(byId.get(id)!);
      for (const o of related(id))
        if (!seen.has(o) && byId.has(o)) {
          seen.add(o);
          queue.push(o);
        }
    }
    if (new Set(group.map((m) => m.source.document)).size >= 2) groups.push(byBudget(group, order));
  }
  return groups;
}

const slugNumber = (slug: string) => Number(slug.slice(2));
const slugOf = (n: number) => `p-${String(n).padStart(3, '0')}`;

/**
 * Slugs for this build's groups. A group takes the registered program it shares most ids with
 * (the older slug on a tie) unless an earlier group took it; else it is minted. A program keeps
 * every id it has ever joined, so a measure that leaves and comes back finds its program again.
 * Registered programs no group takes make no page this build (the ledger of published pages
 * gives a page once published a tombstone).
 */
export function assignPrograms(
  groups: readonly MeasureRecord[][],
  registry: ProgramRegistry,
): { programs: ProgramNav[]; registry: ProgramRegistry } {
  const entries = new Map(
    registry.programs.map((p) => [p.slug, { ...p, members: [...p.members] }]),
  );
  const owner = new Map<string, string[]>();
  for (const p of registry.programs)
    for (const id of p.members) owner.set(id, [...(owner.get(id) ?? []), p.slug]);
  let next = registry.next;
  const taken = new Set<string>();
  const programs: ProgramNav[] = [];
  for (const group of groups) {
    const overlap = new Map<string, number>();
    for (const m of group)
      for (const slug of owner.get(m.id) ?? []) overlap.set(slug, (overlap.get(slug) ?? 0) + 1);
    const candidates = [...overlap]
      .filter(([slug]) => !taken.has(slug))
      .sort((a, b) => b[1] - a[1] || slugNumber(a[0]) - slugNumber(b[0]));
    const slug = candidates[0]?.[0] ?? slugOf(next++);
    taken.add(slug);
    const title = group[group.length - 1]!.name;
    const old = entries.get(slug);
    const members = [...new Set([...(old?.members ?? []), ...group.map((m) => m.id)])].sort();
    entries.set(slug, { slug, title, members });
    programs.push({ slug, title, measures: group.map((m) => m.id) });
  }
  const sorted: ProgramEntry[] = [...entries.values()].sort(
    (a, b) => slugNumber(a.slug) - slugNumber(b.slug),
  );
  return { programs, registry: { next, programs: sorted } };
}

/** content/registry/_programs.yaml as written by the build (stable: the same registry gives the same text). */
export function formatProgramRegistry(registry: ProgramRegistry): string {
  return [
    '# Programs across budgets: the slug of each /programs/<slug>/ page, minted once and kept.',
    '# Written by `npm run build`; commit it with the other registries. A program is matched by',
    '# the measure ids it has joined (members): never edit a slug, never remove an entry (its',
    '# page would break). title is for reading only.',
    `next: ${registry.next}`,
    ...(registry.programs.length === 0 ? ['programs: []'] : ['programs:']),
    ...registry.programs.flatMap((p) => [
      `  - slug: ${p.slug}`,
      `    title: ${JSON.stringify(p.title)}`,
      `    members: [${p.members.join(', ')}]`,
    ]),
    '',
  ].join('\n');
}
