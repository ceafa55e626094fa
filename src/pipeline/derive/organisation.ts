/**
 * The ministry's organisation (content/organisation.yaml): bureaus (局, 部,
 * 大臣官房 …) and their divisions (課, 室 …), each with a stable ASCII slug
 * for URLs. resolveUnits splits a measure's printed 担当 line into units.
 */
import { parseCurated, type Problem } from '../load/checked-yaml.ts';
import {
  organisationSchema,
  type Bureau,
  type Division,
  type Organisation,
} from '../../schemas/organisation.ts';
import type { UnitRef } from '../../schemas/navigation.ts';
import { foldWidth, stripSpaces } from '../../lib/normalise.ts';

export type { Bureau, Division, Organisation, UnitRef };

/**
 * Check the file and the rules the schema cannot say: unique slugs and
 * bureau names, known `within`. A division name may recur in several
 * bureaus (総務課); printed without its bureau it is then ambiguous and
 * reported where it occurs.
 */
export function parseOrganisation(
  text: string,
  file: string,
): { ok: true; value: Organisation } | { ok: false; problems: Problem[] } {
  const checked = parseCurated(text, file, organisationSchema);
  if (!checked.ok) return checked;
  const org = checked.value;
  const problems: Problem[] = [];
  const bureauSlugs = new Set<string>();
  const bureauNames = new Map<string, string>();
  org.bureaus.forEach((b, i) => {
    const at = (msg: string, path: (string | number)[] = []) =>
      problems.push({
        code: 'used-twice',
        severity: 'error',
        file,
        line: checked.lineOf(['bureaus', i, ...path]),
        message: msg,
      });
    if (bureauSlugs.has(b.slug)) at(`bureau slug "${b.slug}" is used twice`, ['slug']);
    bureauSlugs.add(b.slug);
    for (const n of [b.name, ...b.aliases].map(matchKey)) {
      if (bureauNames.has(n)) at(`bureau name "${n}" is used twice`);
      bureauNames.set(n, b.slug);
    }
    const divisionSlugs = new Set<string>();
    b.divisions.forEach((d, j) => {
      if (divisionSlugs.has(d.slug))
        at(`division slug "${d.slug}" is used twice in ${b.name}`, ['divisions', j, 'slug']);
      divisionSlugs.add(d.slug);
    });
  });
  org.bureaus.forEach((b, i) => {
    if (b.within !== null && !bureauSlugs.has(b.within)) {
      problems.push({
        code: 'unknown-reference',
        severity: 'error',
        file,
        line: checked.lineOf(['bureaus', i, 'within']),
        message: `within: no bureau has the slug "${b.within}"`,
      });
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: org };
}

/** Key for comparing printed names: width folded, spaces removed. */
function matchKey(s: string): string {
  return stripSpaces(foldWidth(s));
}

export interface ResolvedUnits {
  units: UnitRef[];
  /** Parts of the printed line that name no known unit. */
  unknown: string[];
}

/** Lookup tables built once per organisation. */
export interface OrgIndex {
  org: Organisation;
  bySlug: Map<string, Bureau>;
  /** bureau names and aliases, longest first */
  bureauNames: [string, Bureau][];
  /** division name/alias → division, per bureau */
  divisionsOf: Map<string, Map<string, Division>>;
  /** division name/alias → every bureau that has such a division */
  anyDivision: Map<string, { bureau: Bureau; division: Division }[]>;
}

export function indexOrganisation(org: Organisation): OrgIndex {
  const bySlug = new Map(org.bureaus.map((b) => [b.slug, b]));
  const bureauNames = org.bureaus
    .flatMap((b) => [b.name, ...b.aliases].map((n) => [matchKey(n), b] as [string, Bureau]))
    .sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const divisionsOf = new Map<string, Map<string, Division>>();
  const anyDivision = new Map<string, { bureau: Bureau; division: Division }[]>();
  for (const b of org.bureaus) {
    const own = new Map<string, Division>();
    for (const d of b.divisions) {
      for (const n of [d.name, ...d.aliases].map(matchKey)) {
        own.set(n, d);
        anyDivision.set(n, [...(anyDivision.get(n) ?? []), { bureau: b, division: d }]);
      }
    }
    divisionsOf.set(b.slug, own);
  }
  return { org, bySlug, bureauNames, divisionsOf, anyDivision };
}

/**
 * Split a printed 担当 line into units: parts separated by 、 or ，; each
 * part loses its leading bureau names (longest first, so 局 then 部), and
 * the rest is looked up among the divisions of the innermost bureau named,
 * or of the bureau named by an earlier part (`社会・援護局保護課、保護事業室`),
 * or of the one bureau (or 部 within the named bureau) that has such a
 * division; a name several bureaus use is left unknown rather than guessed. Leading punctuation left by the extraction is dropped.
 */
export function resolveUnits(index: OrgIndex, printed: string): ResolvedUnits {
  const units: UnitRef[] = [];
  const unknown: string[] = [];
  let context: Bureau | null = null;
  for (const raw of printed.split(/[、，,]/u)) {
    let rest = matchKey(raw).replace(/^[・･:：\-–—]+/u, '');
    if (rest === '') continue;
    let bureau: Bureau | null = null;
    for (let found = true; found && rest !== '';) {
      found = false;
      for (const [name, b] of index.bureauNames) {
        if (rest.startsWith(name)) {
          bureau = b;
          rest = rest.slice(name.length);
          found = true;
          break;
        }
      }
    }
    if (rest === '') {
      if (bureau) units.push({ bureau: bureau.slug, division: null });
      context = bureau ?? context;
      continue;
    }
    const inside = (b: Bureau | null) => (b ? index.divisionsOf.get(b.slug)!.get(rest) : undefined);
    const local = inside(bureau) ?? (bureau === null ? inside(context) : undefined);
    if (local) {
      units.push({ bureau: (bureau ?? context)!.slug, division: local.slug });
      context = bureau ?? context;
      continue;
    }
    const candidates = (index.anyDivision.get(rest) ?? []).filter(
      (c) => bureau === null || withinChain(index, c.bureau, bureau),
    );
    const anywhere = candidates.length === 1 ? candidates[0] : undefined;
    if (anywhere) {
      units.push({ bureau: anywhere.bureau.slug, division: anywhere.division.slug });
      context = anywhere.bureau;
      continue;
    }
    unknown.push(raw.trim());
  }
  // one unit per bureau/division
  const seen = new Set<string>();
  return {
    units: units.filter((u) => {
      const k = `${u.bureau}/${u.division ?? ''}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
    unknown,
  };
}

/** True when `inner` is `outer` or lies within it (a 部 within its 局). */
function withinChain(index: OrgIndex, inner: Bureau, outer: Bureau): boolean {
  for (
    let b: Bureau | undefined = inner;
    b;
    b = b.within ? index.bySlug.get(b.within) : undefined
  ) {
    if (b.slug === outer.slug) return true;
  }
  return false;
}
