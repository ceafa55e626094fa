/**
 * Reading any YAML file of content/ (source metadata, registries, every curated
 * file): parse, check against its zod schema (src/schemas/), and name the file
 * and line of every problem.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { formatProblem, type Problem } from '../../schemas/problem.ts';

export type Checked<T> =
  | { ok: true; value: T; lineOf: (path: readonly (string | number)[]) => number | null }
  | { ok: false; problems: Problem[] };

/** Parse `text` as YAML and check it against `schema`. */
export function parseCurated<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
): Checked<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? null : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e): Problem => ({
        code: 'yaml',
        severity: 'error',
        file,
        line: lineAt(e.pos[0]),
        message: `invalid YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  /** Line of the node at `path`, or of its nearest ancestor that exists. */
  const lineOf = (path: readonly (string | number)[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as
        { range?: [number, number, number] } | undefined;
      const line = lineAt(node?.range?.[0]);
      if (line !== null) return line;
    }
    return null;
  };
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue): Problem => ({
        code: 'schema',
        severity: 'error',
        file,
        line: lineOf(issue.path as (string | number)[]),
        message: `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
      })),
    };
  }
  return { ok: true, value: parsed.data, lineOf };
}

export { formatProblem };
export type { Problem };

/**
 * A curated file (registry, organisation, tags, cross-budget links, glossary …) is broken or
 * inconsistent. These files define URLs, so the build stops and lists
 * every problem rather than publish links that silently change meaning.
 */
export class CuratedError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CuratedError';
  }
}
