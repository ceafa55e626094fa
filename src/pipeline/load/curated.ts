/**
 * Reading the curated files of content/ (organisation, tags, cross-budget decisions, glossary,
 * population, budget context, corrections, readings), each checked with file:line problems.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { budgetContextSchema, type ContextFigure } from '../../schemas/budget-context.ts';
import { correctionsFileSchema, type Correction } from '../../schemas/corrections.ts';
import type { CrossBudgetLinks } from '../../schemas/cross-budget.ts';
import { programRegistrySchema, type ProgramRegistry } from '../../schemas/programs.ts';
import { NO_PROGRAMS } from '../derive/programs.ts';
import { crossBudgetSchema } from '../../schemas/cross-budget.ts';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import { populationSchema, type Population } from '../../schemas/population.ts';
import type { Problem } from '../../schemas/problem.ts';
import { readingsSchema } from '../../schemas/readings.ts';
import { NO_SEARCH_TERMS, type SearchTerms } from '../../schemas/search-terms.ts';
import { loadSearchTerms } from './search-terms.ts';
import { tagsFileSchema, type TagDef } from '../../schemas/tags.ts';
import { indexOrganisation, parseOrganisation, type OrgIndex } from '../derive/organisation.ts';
import { titleKey } from '../../lib/normalise.ts';
import { CuratedError, parseCurated } from './checked-yaml.ts';
import { parseGlossary } from './glossary.ts';

/** The program registry, inside content/ (beside the document registries). */
export const PROGRAMS_FILE = 'registry/_programs.yaml';

/** The curated files of content/. */
export interface Curated {
  org: OrgIndex | null;
  tags: TagDef[];
  cross: CrossBudgetLinks;
  glossary: GlossaryTerm[];
  population: Population | null;
  /** Figures of the ministry's whole budget (budget-context.yaml), each with its file:line. */
  context: LocatedFigure[];
  /** The corrections log (corrections.yaml). */
  corrections: Correction[];
  /** The program slugs (registry/_programs.yaml) and the file's text as read (null: no file). */
  programs: { registry: ProgramRegistry; text: string | null };
  /** Word → hiragana reading, for furigana. */
  readings: Record<string, string>;
  /** The search tables of content/search/ (variants, synonyms, English, confusions). */
  search: SearchTerms;
}

export const NO_CURATED: Curated = {
  org: null,
  tags: [],
  cross: { same: [], different: [] },
  glossary: [],
  population: null,
  context: [],
  corrections: [],
  programs: { registry: NO_PROGRAMS, text: null },
  readings: {},
  search: NO_SEARCH_TERMS,
};

/**
 * Read content/organisation.yaml, tags.yaml, cross-budget.yaml, glossary.yaml,
 * population.yaml, budget-context.yaml, corrections.yaml, readings.yaml and search/*.yaml (each optional). A broken file throws a
 * CuratedError naming file and line: these files define URLs and what pages say.
 */
export function loadCurated(dir: string, label = dir): Curated {
  const problems: Problem[] = [];
  const read = <T>(
    name: string,
    parse: (
      text: string,
      file: string,
    ) => { ok: true; value: T } | { ok: false; problems: Problem[] },
  ): T | null => {
    const path = join(dir, name);
    if (!existsSync(path)) return null;
    const result = parse(readFileSync(path, 'utf8'), `${label.replace(/\/+$/, '')}/${name}`);
    if (result.ok) return result.value;
    problems.push(...result.problems);
    return null;
  };
  const org = read('organisation.yaml', parseOrganisation);
  const tags = read('tags.yaml', parseTags);
  const cross = read('cross-budget.yaml', parseCrossBudget);
  const glossary = read('glossary.yaml', parseGlossary);
  const population = read('population.yaml', (text, file) =>
    parseCurated(text, file, populationSchema),
  );
  const context = read('budget-context.yaml', parseBudgetContext);
  const corrections = read('corrections.yaml', (text, file) =>
    parseCurated(text, file, correctionsFileSchema),
  );
  const programs = read(PROGRAMS_FILE, (text, file) => {
    const parsed = parseCurated(text, file, programRegistrySchema);
    return parsed.ok ? { ok: true as const, value: { registry: parsed.value, text } } : parsed;
  });
  const readings = read('readings.yaml', (text, file) => parseCurated(text, file, readingsSchema));
  const search = loadSearchTerms(
    join(dir, 'search'),
    `${label.replace(/\/+$/, '')}/search`,
    problems,
  );
  if (problems.length > 0) throw new CuratedError(problems);
  return {
    org: org ? indexOrganisation(org) : null,
    tags: tags ?? [],
    cross: cross ?? NO_CURATED.cross,
    glossary: glossary ?? [],
    population: population ?? null,
    context: context ?? [],
    corrections: corrections?.corrections ?? [],
    programs: programs ?? NO_CURATED.programs,
    readings: readings?.readings ?? {},
    search,
  };
}

export function parseTags(
  text: string,
  file: string,
): { ok: true; value: TagDef[] } | { ok: false; problems: Problem[] } {
  const checked = parseCurated(text, file, tagsFileSchema);
  if (!checked.ok) return checked;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  checked.value.tags.forEach((t, i) => {
    for (const key of [
      `slug:${t.slug}`,
      ...[t.name, ...t.aliases].map((n) => `name:${titleKey(n)}`),
    ]) {
      if (seen.has(key))
        problems.push({
          code: 'used-twice',
          severity: 'error',
          file,
          line: checked.lineOf(['tags', i]),
          message: `${key.replace(':', ' ')} is used twice`,
        });
      seen.add(key);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: checked.value.tags };
}

export function parseCrossBudget(text: string, file: string) {
  return parseCurated(text, file, crossBudgetSchema);
}

/** A context figure and where it is written. */
export interface LocatedFigure {
  figure: ContextFigure;
  file: string;
  line: number | null;
}

export function parseBudgetContext(
  text: string,
  file: string,
): { ok: true; value: LocatedFigure[] } | { ok: false; problems: Problem[] } {
  const checked = parseCurated(text, file, budgetContextSchema);
  if (!checked.ok) return checked;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const value = checked.value.figures.map((figure, i) => {
    const line = checked.lineOf(['figures', i]);
    const key = `${figure.document} ${figure.account}`;
    if (seen.has(key))
      problems.push({
        code: 'used-twice',
        severity: 'error',
        file,
        line,
        message: `${figure.document} has two ${figure.account} figures`,
      });
    seen.add(key);
    return { figure, file, line };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}
