/**
 * Navigation data for the site, computed once at extraction time from the
 * records and the curated files: previous/next and ancestors of each
 * measure, bureau/division and tag pages, package sums, and the same program
 * in other budgets. Pure: records in, plain data out.
 */
import { createHash } from 'node:crypto';
import type { Problem } from '../../schemas/problem.ts';
import type { CrossBudgetLinks } from '../../schemas/cross-budget.ts';
import type { TagDef } from '../../schemas/tags.ts';
import type {
  BureauNav,
  DivisionNav,
  MeasureNav,
  Navigation,
  PackageNav,
  SetTotal,
  TagNav,
} from '../../schemas/navigation.ts';
import { hierarchyRows } from '../../lib/hierarchy.ts';
import { hasOwnAmount, indexRecords, setTotals, type RecordIndex } from './totals.ts';
import { titleKey } from '../../lib/normalise.ts';
import { resolveUnits, type OrgIndex } from './organisation.ts';
import { dice } from '../ids/similarity.ts';
import type { MeasureRecord } from '../types.ts';

export type { CrossBudgetLinks, TagDef };
export type { BureauNav, DivisionNav, MeasureNav, Navigation, PackageNav, SetTotal, TagNav };

// ---- output ----------------------------------------------------------------

export interface NavigationInput {
  records: readonly MeasureRecord[];
  /** The records by id (derive/totals.ts), when the caller has built it. */
  index?: RecordIndex;
  /** Source file of each document id, for messages. */
  files: ReadonlyMap<string, string>;
  org: OrgIndex | null;
  tags: readonly TagDef[];
  cross: CrossBudgetLinks;
}

/** Title similarity above which two measures of different budgets are reported as a possible match. */
export const NEAR_MATCH = 0.8;

/** A slug for a name no curated file lists: stable, ASCII, marked as generated. */
export function fallbackSlug(prefix: string, name: string): string {
  return `${prefix}-${createHash('sha256').update(titleKey(name), 'utf8').digest('hex').slice(0, 8)}`;
}

/** What the builders below share: the input, the record index, and the problems found so far. */
interface NavContext {
  input: NavigationInput;
  index: RecordIndex;
  /** Where a measure is printed, for messages. */
  where: (r: MeasureRecord) => { file: string; line: number };
  problems: Problem[];
}

/**
 * Every navigation structure, one builder each: the measures' order and packages above them,
 * bureaus and divisions, tags, package sums, and the same program in other budgets. The
 * bureau and tag builders fill in each measure's units and tags.
 */
export function buildNavigation(input: NavigationInput): { nav: Navigation; problems: Problem[] } {
  const ctx: NavContext = {
    input,
    index: input.index ?? indexRecords(input.records),
    where: (r) => ({
      file: input.files.get(r.source.document) ?? r.source.document,
      line: r.amount_line ?? r.title_line ?? r.source.lines[0],
    }),
    problems: [],
  };
  const measures = measureOrder(ctx);
  const { bureaus, noBureau, unknown } = bureauNavs(ctx, measures);
  const tags = tagNavs(ctx, measures);
  const packages = packageNavs(ctx);
  const uncertain = linkPrograms(
    input.records,
    measures,
    input.cross,
    ctx.index,
    ctx.problems,
    ctx.where,
  );
  return {
    nav: {
      measures,
      bureaus,
      no_bureau: noBureau,
      unknown_units: [...unknown].map(([text, ids]) => ({ text, measures: ids })),
      tags,
      packages,
      cross_budget_uncertain: uncertain,
      programs: [],
    },
    problems: ctx.problems,
  };
}

/** Previous/next and the packages above each measure, per document in hierarchy order. */
function measureOrder({ input: { records }, index }: NavContext): Record<string, MeasureNav> {
  const measures: Record<string, MeasureNav> = {};
  const documents = [...new Set(records.map((r) => r.source.document))];
  for (const doc of documents) {
    const rows = hierarchyRows(records.filter((r) => r.source.document === doc));
    rows.forEach(({ record }, i) => {
      const ancestors: string[] = [];
      const seen = new Set<string>([record.id]);
      for (
        let p = record.parent;
        p !== null && index.has(p) && !seen.has(p);
        p = index.get(p)!.parent
      ) {
        ancestors.unshift(p);
        seen.add(p);
      }
      measures[record.id] = {
        prev: rows[i - 1]?.record.id ?? null,
        next: rows[i + 1]?.record.id ?? null,
        ancestors,
        related: [],
        program: null,
        units: [],
        tags: [],
      };
    });
  }
  return measures;
}

/** Bureaus and their divisions with their measures and totals; fills each measure's units. */
function bureauNavs(
  { input: { records, org }, index, where, problems }: NavContext,
  measures: Record<string, MeasureNav>,
) {
  const bureaus = new Map<string, BureauNav>();
  const divisions = new Map<string, DivisionNav>();
  const noBureau: string[] = [];
  const unknown = new Map<string, string[]>();
  if (org) {
    for (const b of org.org.bureaus) {
      bureaus.set(b.slug, {
        slug: b.slug,
        name: b.name,
        english: b.english,
        within: b.within,
        measures: [],
        direct: [],
        divisions: [],
        totals: [],
      });
      for (const d of b.divisions)
        divisions.set(`${b.slug}/${d.slug}`, {
          slug: d.slug,
          name: d.name,
          english: d.english,
          measures: [],
          totals: [],
        });
    }
  }
  for (const r of records) {
    if (r.bureau === null) {
      noBureau.push(r.id);
      continue;
    }
    if (!org) continue;
    const resolved = resolveUnits(org, r.bureau);
    measures[r.id]!.units = resolved.units;
    for (const u of resolved.units) {
      // a unit counts for its bureau and every bureau that bureau lies within
      for (
        let b = org.bySlug.get(u.bureau);
        b;
        b = b.within ? org.bySlug.get(b.within) : undefined
      ) {
        const nav = bureaus.get(b.slug)!;
        if (!nav.measures.includes(r.id)) nav.measures.push(r.id);
      }
      if (u.division === null) bureaus.get(u.bureau)!.direct.push(r.id);
      else divisions.get(`${u.bureau}/${u.division}`)!.measures.push(r.id);
    }
    for (const text of resolved.unknown) {
      unknown.set(text, [...(unknown.get(text) ?? []), r.id]);
      problems.push({
        code: 'unknown-reference',
        severity: 'warning',
        ...where(r),
        message: `担当 「${text}」 is not in content/organisation.yaml; the measure is not listed under it`,
      });
    }
  }
  const bureauList = [...bureaus.values()]
    .map((b) => ({
      ...b,
      totals: setTotals(b.measures, index),
      divisions: org!.org.bureaus
        .find((x) => x.slug === b.slug)!
        .divisions.map((d) => divisions.get(`${b.slug}/${d.slug}`)!)
        .filter((d) => d.measures.length > 0)
        .map((d) => ({ ...d, totals: setTotals(d.measures, index) })),
    }))
    .filter((b) => b.measures.length > 0);
  return { bureaus: bureauList, noBureau, unknown };
}

/** Tags (the printed badges) with their measures and totals, in the curated order; fills each measure's tags. */
function tagNavs(
  { input, index, where, problems }: NavContext,
  measures: Record<string, MeasureNav>,
): TagNav[] {
  const tagBySlug = new Map<string, TagNav>();
  const tagKeys = new Map<string, TagDef>();
  for (const t of input.tags) for (const n of [t.name, ...t.aliases]) tagKeys.set(titleKey(n), t);
  for (const r of input.records) {
    for (const printed of r.tags) {
      const def = tagKeys.get(titleKey(printed));
      const slug = def?.slug ?? fallbackSlug('tag', printed);
      if (!def)
        problems.push({
          code: 'unknown-reference',
          severity: 'warning',
          ...where(r),
          message: `tag 「${printed}」 is not in content/tags.yaml; its page is /tags/${slug}/`,
        });
      let nav = tagBySlug.get(slug);
      if (!nav) {
        nav = {
          slug,
          name: def?.name ?? printed,
          description: def?.description ?? null,
          measures: [],
          totals: [],
        };
        tagBySlug.set(slug, nav);
      }
      if (!nav.measures.includes(r.id)) nav.measures.push(r.id);
      measures[r.id]!.tags.push(slug);
    }
  }
  const tagOrder = new Map(input.tags.map((t, i) => [t.slug, i]));
  return [...tagBySlug.values()]
    .map((t) => ({ ...t, totals: setTotals(t.measures, index) }))
    .sort(
      (a, b) =>
        (tagOrder.get(a.slug) ?? Infinity) - (tagOrder.get(b.slug) ?? Infinity) ||
        (a.slug < b.slug ? -1 : 1),
    );
}

/** Each package with the sum of its items and how that compares with its printed amount. */
function packageNavs({ input: { records }, index }: NavContext): PackageNav[] {
  return records
    .filter((r) => r.children.length > 0)
    .map((r) => {
      const children = r.children
        .map((id) => index.get(id))
        .filter((c): c is MeasureRecord => c !== undefined);
      const own = children.filter(hasOwnAmount);
      const sum = own.reduce((s, c) => s + c.amount.yen, 0);
      const pkgYen = r.amount.kind === 'own' ? r.amount.yen : null;
      return {
        id: r.id,
        document: r.source.document,
        children: children.map((c) => c.id),
        own_yen: pkgYen,
        children_own_yen: sum,
        children_own_count: own.length,
        children_other_count: children.length - own.length,
        difference:
          pkgYen !== null && own.length === children.length && own.length > 0 ? pkgYen - sum : null,
      };
    });
}

/**
 * Link measures of different documents with equal normalised titles when
 * the title is unique in each of the two documents; report the rest
 * (several candidates, or near-equal titles) instead of guessing. Curated
 * pairs override both ways. Derived titles (untitled) are never matched.
 */
function linkPrograms(
  records: readonly MeasureRecord[],
  measures: Record<string, MeasureNav>,
  cross: CrossBudgetLinks,
  byId: ReadonlyMap<string, MeasureRecord>,
  problems: Problem[],
  where: (r: MeasureRecord) => { file: string; line: number },
): Navigation['cross_budget_uncertain'] {
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const different = new Set(cross.different.map(([a, b]) => pairKey(a, b)));
  const linked = new Set<string>();
  const link = (a: string, b: string) => {
    if (a === b || different.has(pairKey(a, b)) || linked.has(pairKey(a, b))) return;
    linked.add(pairKey(a, b));
    measures[a]!.related.push(b);
    measures[b]!.related.push(a);
  };
  const uncertain: Navigation['cross_budget_uncertain'] = [];
  const same = new Set(cross.same.map(([a, b]) => pairKey(a, b)));
  const report = (a: MeasureRecord, b: MeasureRecord, reason: string) => {
    if (different.has(pairKey(a.id, b.id)) || same.has(pairKey(a.id, b.id))) return;
    uncertain.push({ a: a.id, b: b.id, reason });
    problems.push({
      code: 'undecided-link',
      severity: 'warning',
      ...where(a),
      message: `「${a.title}」 (${a.id}) and 「${b.title}」 (${b.id}): ${reason}; not linked (decide in content/cross-budget.yaml)`,
    });
  };

  const named = records.filter((r) => !r.untitled);
  const keyOf = new Map(named.map((r) => [r.id, titleKey(r.title)]));
  // key → document → ids
  const byKey = new Map<string, Map<string, string[]>>();
  for (const r of named) {
    const docs = byKey.get(keyOf.get(r.id)!) ?? new Map<string, string[]>();
    const list = docs.get(r.source.document);
    if (list) list.push(r.id);
    else docs.set(r.source.document, [r.id]);
    byKey.set(keyOf.get(r.id)!, docs);
  }
  for (const docs of byKey.values()) {
    const groups = [...docs.values()];
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const [a, b] = [groups[i]!, groups[j]!];
        if (a.length === 1 && b.length === 1) link(a[0]!, b[0]!);
        else
          report(
            byId.get(a[0]!)!,
            byId.get(b[0]!)!,
            `the title appears ${a.length}× in one budget and ${b.length}× in the other`,
          );
      }
    }
  }

  // near-equal titles in different documents. Candidates come from prefix
  // filtering: two titles with bigram-set Dice ≥ t share at least one of each
  // title's rarest |A| − ⌈j·|A|⌉ + 1 bigrams (j = t / (2 − t), the Jaccard
  // bound), so only rare bigrams are looked up and the scan stays near linear.
  const gramSet = (k: string) => {
    const chars = [...k];
    return [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
  };
  const gramsOf = new Map(named.map((r) => [r.id, gramSet(keyOf.get(r.id)!)]));
  const df = new Map<string, number>();
  for (const gs of gramsOf.values()) for (const g of gs) df.set(g, (df.get(g) ?? 0) + 1);
  const jaccard = NEAR_MATCH / (2 - NEAR_MATCH);
  const prefixOf = (id: string) => {
    const gs = [...gramsOf.get(id)!].sort((a, b) => df.get(a)! - df.get(b)! || (a < b ? -1 : 1));
    return gs.slice(0, Math.max(1, gs.length - Math.ceil(jaccard * gs.length) + 1));
  };
  const postings = new Map<string, string[]>();
  for (const r of named) {
    for (const g of prefixOf(r.id)) {
      const list = postings.get(g);
      if (list) list.push(r.id);
      else postings.set(g, [r.id]);
    }
  }
  const checked = new Set<string>();
  for (const list of postings.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [byId.get(list[i]!)!, byId.get(list[j]!)!];
        const key = pairKey(a.id, b.id);
        if (
          a.source.document === b.source.document ||
          keyOf.get(a.id) === keyOf.get(b.id) ||
          checked.has(key)
        )
          continue;
        checked.add(key);
        const sim = dice(keyOf.get(a.id)!, keyOf.get(b.id)!);
        if (sim >= NEAR_MATCH)
          report(a, b, `titles in different budgets are similar (${sim.toFixed(2)})`);
      }
    }
  }

  for (const [a, b] of cross.same) {
    if (measures[a] && measures[b]) link(a, b);
    else
      problems.push({
        code: 'unknown-reference',
        severity: 'warning',
        file: 'content/cross-budget.yaml',
        line: null,
        message: `same: ${!measures[a] ? a : b} is not a live measure id`,
      });
  }
  const order = new Map(records.map((r, i) => [r.id, i]));
  for (const nav of Object.values(measures))
    nav.related.sort((x, y) => order.get(x)! - order.get(y)!);
  return uncertain;
}
