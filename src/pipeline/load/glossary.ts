/**
 * The glossary (content/glossary.yaml): official terms with a plain
 * explanation and a source. termMatcher finds, in a text, the first place
 * where a not-yet-explained term occurs (longest match wins).
 */
import { parseCurated, type Problem } from './checked-yaml.ts';
import { glossaryFileSchema, type GlossaryTerm } from '../../schemas/glossary.ts';

export type { GlossaryTerm };

export function parseGlossary(
  text: string,
  file: string,
): { ok: true; value: GlossaryTerm[] } | { ok: false; problems: Problem[] } {
  const checked = parseCurated(text, file, glossaryFileSchema);
  if (!checked.ok) return checked;
  const problems: Problem[] = [];
  const slugs = new Set<string>();
  const words = new Map<string, string>();
  checked.value.terms.forEach((t, i) => {
    const line = checked.lineOf(['terms', i]);
    if (slugs.has(t.slug))
      problems.push({
        code: 'used-twice',
        severity: 'error',
        file,
        line,
        message: `slug "${t.slug}" is used twice`,
      });
    slugs.add(t.slug);
    for (const w of [t.term, ...t.aliases]) {
      const other = words.get(w);
      if (other !== undefined)
        problems.push({
          code: 'used-twice',
          severity: 'error',
          file,
          line,
          message: `"${w}" is already a term or alias of "${other}"`,
        });
      words.set(w, t.term);
    }
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: checked.value.terms };
}
