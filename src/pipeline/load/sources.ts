/**
 * Reading the sources: every *.meta.yaml of content/sources/ and the text it names, decoded
 * and cleaned, with a file:line problem for everything that cannot be read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Problem, ProblemCode } from '../../schemas/problem.ts';
import { sourceMetaSchema, type SourceMeta } from '../../schemas/source-meta.ts';
import { parseCurated } from './checked-yaml.ts';
import { decodeText, type Encoding } from './encoding.ts';

/** A source document ready for extraction. */
export interface SourceDocument {
  meta: SourceMeta;
  /** Text with BOM removed and line endings normalised to LF. */
  text: string;
  /** Name of the metadata file, for messages. */
  metaFile: string;
  /** What was wrong with the text but could be read around (control or bidirectional characters removed). */
  problems?: Problem[];
  /** The encoding the text was decoded from. */
  encoding?: Encoding;
}

export interface LoadResult {
  sources: SourceDocument[];
  /** Something wrong with one file (severity error); the build stops. */
  errors: Problem[];
}

const loadError = (
  code: ProblemCode,
  file: string,
  line: number | null,
  message: string,
): Problem => ({ code, severity: 'error', file, line, message });

/** The YAML value of a text, or null when it does not parse (the error is reported by parseCurated). */
function parseYamlQuietly(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return null;
  }
}

const META_SUFFIX = '.meta.yaml';

/**
 * Read every *.meta.yaml in `dir` and the text it names. Every problem is
 * listed as `file[:line]: message` (unreadable, malformed or incomplete
 * metadata, a missing, empty, binary or undecodable text, a `file:` whose
 * case differs from the file on disk, a duplicate id, a text file no
 * metadata names); the build stops on any of them, so a fault never turns a
 * document's pages into tombstones. Sorted by file name.
 */
export function loadSources(dir: string): LoadResult {
  const errors: Problem[] = [];
  const sources: SourceDocument[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return {
      sources,
      errors: [loadError('unreadable', dir, null, `cannot read directory: ${errorMessage(e)}`)],
    };
  }
  const onDisk = new Set(names);
  const referenced = new Set<string>();
  const ids = new Map<string, string>();

  for (const metaFile of names.filter((n) => n.endsWith(META_SUFFIX))) {
    let metaText: string;
    try {
      metaText = readFileSync(join(dir, metaFile), 'utf8');
    } catch (e) {
      errors.push(loadError('unreadable', metaFile, null, `cannot read: ${errorMessage(e)}`));
      continue;
    }
    // A text named by a broken record is reported with that record, not as unnamed.
    const named = (parseYamlQuietly(metaText) as { file?: unknown } | null)?.file;
    if (typeof named === 'string') referenced.add(named);
    const checked = parseCurated(metaText, metaFile, sourceMetaSchema);
    if (!checked.ok) {
      errors.push(...checked.problems);
      continue;
    }
    const meta = checked.value;
    const previous = ids.get(meta.id);
    if (previous !== undefined) {
      errors.push(
        loadError(
          'duplicate-id',
          metaFile,
          checked.lineOf(['id']),
          `id "${meta.id}" is already used by ${previous}: two documents cannot share an id`,
        ),
      );
      continue;
    }
    ids.set(meta.id, metaFile);
    if (!onDisk.has(meta.file)) {
      const other = names.find((n) => n.toLowerCase() === meta.file.toLowerCase());
      if (other) referenced.add(other); // reported here, not again as a text no metadata names
      const message = other
        ? `text file "${meta.file}" not found; there is "${other}" (file names are case-sensitive)`
        : `text file "${meta.file}" not found`;
      errors.push(loadError('missing-file', metaFile, checked.lineOf(['file']), message));
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(dir, meta.file));
    } catch (e) {
      errors.push(
        loadError(
          'unreadable',
          metaFile,
          checked.lineOf(['file']),
          `cannot read "${meta.file}": ${errorMessage(e)}`,
        ),
      );
      continue;
    }
    const decoded = decodeSource(bytes, meta.file);
    if (!decoded.ok) {
      errors.push(loadError(decoded.code, meta.file, null, decoded.message));
      continue;
    }
    sources.push({
      meta,
      text: decoded.text,
      metaFile,
      problems: decoded.problems,
      encoding: decoded.encoding,
    });
  }

  for (const name of names.filter((n) => n.endsWith('.txt') && !referenced.has(n))) {
    errors.push(
      loadError(
        'orphan-text',
        name,
        null,
        `no *${META_SUFFIX} names this text file: add its metadata (README, Adding a document) or move it out of the sources`,
      ),
    );
  }
  return { sources, errors };
}

/** Lines listed one by one in a problem report before the rest are counted. */
const LISTED = 5;
/**
 * Characters that must never reach a page, JSON, CSV or the index: C0
 * controls but tab and line feed, DEL, C1 controls, bidirectional controls
 * (U+202E …) and marks, a BOM inside the text, and the two noncharacters.
 */
const UNPRINTABLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/gu;

export type DecodedSource =
  | { ok: true; text: string; encoding: Encoding; problems: Problem[] }
  | { ok: false; code: 'encoding' | 'empty-text'; message: string };

/**
 * Decode a source text (src/pipeline/load/encoding.ts: UTF-8 with or without BOM,
 * UTF-16 with BOM, Shift_JIS), normalise line ends, and remove every
 * unprintable character, reporting each line it was removed from. A text
 * that cannot be decoded, or is empty, is refused (`ok: false`).
 */
export function decodeSource(bytes: Uint8Array, file: string): DecodedSource {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, code: 'encoding', message: decoded.message };
  const problems: Problem[] = [];
  const lines = normaliseText(decoded.text).split('\n');
  const removed: { line: number; chars: string }[] = [];
  const text = lines
    .map((l, i) => {
      const found = l.match(UNPRINTABLE);
      if (!found) return l;
      removed.push({
        line: i + 1,
        chars: [...new Set(found)]
          .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
          .join(', '),
      });
      return l.replace(UNPRINTABLE, '');
    })
    .join('\n');
  const listed = removed.slice(0, LISTED).map(({ line, chars }): Problem => ({
    code: 'control-characters',
    severity: 'warning',
    file,
    line,
    message: `control or bidirectional characters removed (${chars})`,
  }));
  problems.push(...listed);

  if (removed.length > LISTED)
    problems.push({
      code: 'control-characters',
      severity: 'warning',
      file,
      line: null,
      message: `control or bidirectional characters removed on ${removed.length - LISTED} more lines`,
    });
  if (text.trim() === '')
    return {
      ok: false,
      code: 'empty-text',
      message: 'empty: there is no text to read measures from',
    };
  return { ok: true, text, encoding: decoded.encoding, problems };
}

/** Remove a leading BOM and normalise CRLF and CR line endings to LF. */
export function normaliseText(raw: string): string {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export type MetaCheck = { ok: true; meta: SourceMeta } | { ok: false; errors: string[] };

/** Check a parsed metadata record against its schema; list everything wrong as `path: message`. */
export function validateMeta(raw: unknown): MetaCheck {
  const parsed = sourceMetaSchema.safeParse(raw);
  if (parsed.success) return { ok: true, meta: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map(
      (i) => `${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`,
    ),
  };
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
