/**
 * Measure ids and URLs, from the id registry (registry.ts).
 *
 * assignIds matches every extracted document to its registry, fills in the
 * ids, and derives the URL table: every id ever registered, with its status
 * (live, moved, gone). It throws a CuratedError listing every problem when two
 * ids would share a URL or a registry refers to an id that does not exist:
 * the build must not publish a site where a link silently changed meaning.
 */
import { CuratedError } from '../load/checked-yaml.ts';
import { measureUrl } from '../../lib/links.ts';
import type { Problem } from '../../schemas/problem.ts';
import type { DocumentResult, MeasureRecord } from '../types.ts';
import type { RetiredDocument } from '../../schemas/retired-document.ts';
import type { UrlEntry, UrlStatus } from '../../schemas/url-entry.ts';

export type { RetiredDocument, UrlEntry, UrlStatus };
import {
  amountSignature,
  emptyRegistry,
  formatRegistry,
  idNumber,
  matchDocument,
  mintId,
  type Registry,
  type Fingerprint,
  type LoadedRegistry,
  type MatchEvent,
  type RegistryEntry,
} from './registry-file.ts';

function where(file: string, line: number | null): string {
  return line === null ? file : `${file}:${line}`;
}

/** A registry event with where it happened, for the build summary. */
export interface IdEvent {
  document: string;
  /** Source file and line of the measure, or the registry file for gone ids. */
  file: string;
  line: number | null;
  event: MatchEvent;
  title: string;
}

export interface IdAssignment {
  /** Registries of the extracted documents after this build (to be written back). */
  registries: { document: string; file: string; content: string; changed: boolean }[];
  urls: UrlEntry[];
  events: IdEvent[];
  /** Registries whose document is not part of this build (retired, or renamed): their ids are served as gone or moved. */
  orphans: RetiredDocument[];
}

function fingerprint(m: MeasureRecord, parent: MeasureRecord | null): Fingerprint {
  return {
    title: m.title,
    untitled: m.untitled,
    amount: amountSignature(m.amount),
    bureau: m.bureau,
    parentTitle: parent?.title ?? null,
    purpose: m.sections.purpose,
  };
}

function measureLine(m: MeasureRecord): number {
  return m.amount_line ?? m.title_line ?? m.source.lines[0];
}

/** Registry file name of a document. */
export function registryFileName(document: string): string {
  return `${document}.yaml`;
}

/**
 * Fill id, url, parent and children of every measure, in place, from the
 * registries (by document id; a document without one starts empty).
 */
export function assignIds(
  results: DocumentResult[],
  loaded: readonly LoadedRegistry[],
): IdAssignment {
  const problems: Problem[] = [];
  const byDocument = new Map<string, LoadedRegistry>();
  for (const l of loaded) {
    if (l.file.split('/').pop() !== registryFileName(l.registry.document)) {
      problems.push({
        code: 'registry',
        severity: 'error',
        file: l.file,
        line: 1,
        message: `document "${l.registry.document}" belongs in ${registryFileName(l.registry.document)}`,
      });
    }
    byDocument.set(l.registry.document, l);
  }
  if (problems.length > 0) throw new CuratedError(problems);

  const registries: IdAssignment['registries'] = [];
  const events: IdEvent[] = [];
  const finalEntries: {
    document: string;
    file: string;
    entry: RegistryEntry;
    line: number | null;
  }[] = [];
  const liveTitles = new Map<string, string>();

  const dir = loaded[0]?.file.replace(/[^/]*$/u, '') ?? 'content/registry/';
  const extracted = new Set(results.map((r) => r.meta.id));
  /** Registries whose document was renamed in this build: old document → new. */
  const renamedNow = new Map<string, string>();
  for (const r of results) {
    const from = r.meta.renamed_from;
    if (!from) continue;
    const old = byDocument.get(from);
    if (!old)
      problems.push({
        code: 'registry',
        severity: 'error',
        file: r.meta.file,
        line: null,
        message: `renamed_from ${from}: there is no registry ${dir}${registryFileName(from)} to carry over`,
      });
    else if (extracted.has(from))
      problems.push({
        code: 'registry',
        severity: 'error',
        file: r.meta.file,
        line: null,
        message: `renamed_from ${from}: that document is still among the sources`,
      });
    else if (old.registry.renamed_to !== undefined && old.registry.renamed_to !== r.meta.id)
      problems.push({
        code: 'registry',
        severity: 'error',
        file: old.file,
        line: 1,
        message: `${from} was already renamed to ${old.registry.renamed_to}, not ${r.meta.id}`,
      });
    else if (byDocument.has(r.meta.id) && old.registry.renamed_to === undefined)
      problems.push({
        code: 'registry',
        severity: 'error',
        file: r.meta.file,
        line: null,
        message: `renamed_from ${from}: ${r.meta.id} has a registry of its own already; the ids cannot be carried over twice`,
      });
    else renamedNow.set(from, r.meta.id);
  }
  if (problems.length > 0) throw new CuratedError(problems);

  for (const r of results) {
    const document = r.meta.id;
    const l = byDocument.get(document);
    const file = l?.file ?? `${dir}${registryFileName(document)}`;
    const carried = r.meta.renamed_from && !l ? byDocument.get(r.meta.renamed_from) : undefined;
    const before = {
      ...(l?.registry ??
        (carried ? carryOver(carried.registry, document) : emptyRegistry(document))),
      title: r.meta.title,
      ...(r.lines ? { source_lines: r.lines.length } : {}),
    };
    const parents = r.measures.map((_, i) => r.parentIndex[i] ?? null);
    const fps = r.measures.map((m, i) =>
      fingerprint(m, parents[i] === null ? null : r.measures[parents[i]!]!),
    );
    const match = matchDocument(before, fps, parents);

    r.measures.forEach((m, i) => {
      m.id = match.ids[i]!;
      m.url = measureUrl(m.id);
      liveTitles.set(m.id, m.name);
    });
    r.measures.forEach((m, i) => {
      const p = parents[i];
      m.parent = p === null || p === undefined ? null : r.measures[p]!.id;
      m.children = [];
    });
    r.measures.forEach((m, i) => {
      const p = parents[i];
      if (p !== null && p !== undefined) r.measures[p]!.children.push(m.id);
    });

    for (const event of match.events) {
      if (event.kind === 'gone') {
        events.push({
          document,
          file,
          line: l?.lines.get(event.id) ?? null,
          event,
          title: event.title,
        });
      } else {
        const m = r.measures[event.measure]!;
        events.push({ document, file: r.meta.file, line: measureLine(m), event, title: m.title });
      }
    }
    const content = formatRegistry(match.registry);
    registries.push({ document, file, content, changed: content !== l?.text });
    for (const entry of match.registry.entries)
      finalEntries.push({ document, file, entry, line: l?.lines.get(entry.id) ?? null });
  }

  const orphans: IdAssignment['orphans'] = [];
  for (const l of loaded) {
    const document = l.registry.document;
    if (extracted.has(document)) continue;
    const renamedTo = renamedNow.get(document) ?? l.registry.renamed_to;
    if (
      renamedTo === undefined &&
      l.registry.retired === undefined &&
      l.registry.entries.length > 0
    ) {
      problems.push({
        code: 'registry',
        severity: 'error',
        file: l.file,
        line: 1,
        message:
          `document ${document} has ${l.registry.entries.length} registered ids but no source in the sources folder (a missing, renamed or broken file?). ` +
          'Its URLs must not turn into tombstones by accident: restore the source; or, to retire the document, add `retired: <date>` and a `note:` here; ' +
          `or, if its id changed, give the new metadata \`renamed_from: ${document}\``,
      });
      continue;
    }
    if (renamedNow.has(document)) {
      const content = formatRegistry({ ...l.registry, renamed_to: renamedTo });
      registries.push({ document, file: l.file, content, changed: content !== l.text });
    }
    orphans.push({
      document,
      file: l.file,
      ids: l.registry.entries.length,
      title: l.registry.title ?? null,
      lines: l.registry.source_lines ?? 0,
      retired: l.registry.retired ?? null,
      note: l.registry.note ?? null,
      successor: renamedTo ?? l.registry.successor ?? null,
      renamedTo: renamedTo ?? null,
    });
    for (const entry of l.registry.entries) {
      const n = idNumber(document, entry.id);
      // a renamed document's ids redirect to the same numbers under the new id
      const moved =
        renamedTo !== undefined && n !== null && entry.moved_to === undefined
          ? { ...entry, moved_to: mintId(renamedTo, n) }
          : entry;
      finalEntries.push({
        document,
        file: l.file,
        entry: moved.moved_to === undefined ? { ...moved, status: 'gone' } : moved,
        line: l.lines.get(entry.id) ?? null,
      });
    }
  }
  if (problems.length > 0) throw new CuratedError(problems);

  const urls = urlTable(finalEntries, liveTitles);
  return { registries, urls, events, orphans };
}

/**
 * A renamed document's registry under its new id: the same numbers,
 * fingerprints and statuses (its aliases stay with the old file, whose ids
 * redirect here).
 */
function carryOver(old: Registry, document: string): Registry {
  const re = (id: string | null | undefined) => {
    if (id === null || id === undefined) return id;
    const n = idNumber(old.document, id);
    return n === null ? id : mintId(document, n);
  };
  return {
    document,
    next: old.next,
    entries: old.entries.map(({ aliases: _aliases, ...e }) => ({
      ...e,
      id: re(e.id)!,
      parent: re(e.parent) ?? null,
      ...(e.moved_to !== undefined ? { moved_to: re(e.moved_to)! } : {}),
      ...(e.successor !== undefined ? { successor: re(e.successor)! } : {}),
    })),
  };
}

/**
 * Every registered id and alias with its status. Throws a CuratedError when an
 * id or alias is used twice, or a `moved_to` or `successor` names an id
 * that does not exist (or moves in a circle).
 */
function urlTable(
  all: readonly { document: string; file: string; entry: RegistryEntry; line: number | null }[],
  liveTitles: ReadonlyMap<string, string>,
): UrlEntry[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { file: string; line: number | null }>();
  const claim = (id: string, file: string, line: number | null, what: string) => {
    const prior = owner.get(id);
    if (prior) {
      problems.push({
        code: 'url-clash',
        severity: 'error',
        file,
        line,
        message: `${what} ${id} would have the same URL as the id registered at ${where(prior.file, prior.line)}`,
      });
    } else {
      owner.set(id, { file, line });
    }
  };
  for (const { file, entry, line } of all) {
    claim(entry.id, file, line, 'id');
    for (const alias of entry.aliases ?? []) claim(alias, file, line, 'alias');
  }
  const byId = new Map(all.map((x) => [x.entry.id, x]));
  for (const { file, entry, line } of all) {
    for (const [field, ref] of [
      ['moved_to', entry.moved_to],
      ['successor', entry.successor],
    ] as const) {
      if (ref !== undefined && !byId.has(ref))
        problems.push({
          code: 'registry',
          severity: 'error',
          file,
          line,
          message: `${entry.id}: ${field} ${ref} is not a registered id`,
        });
    }
  }
  /** Where an id ends up after following moved_to. */
  const resolve = (id: string, file: string, line: number | null): string => {
    const seen = new Set<string>();
    let current = id;
    for (;;) {
      const next = byId.get(current)?.entry.moved_to;
      if (next === undefined || !byId.has(next)) return current;
      if (seen.has(next)) {
        problems.push({
          code: 'registry',
          severity: 'error',
          file,
          line,
          message: `${id}: moved_to goes round in a circle (${[...seen, next].join(' → ')})`,
        });
        return current;
      }
      seen.add(current);
      current = next;
    }
  };

  const urls: UrlEntry[] = [];
  for (const { document, file, entry, line } of all) {
    const moved = entry.moved_to !== undefined;
    const status: UrlStatus = moved
      ? 'moved'
      : entry.status === 'live' && liveTitles.has(entry.id)
        ? 'live'
        : 'gone';
    urls.push({
      id: entry.id,
      path: measureUrl(entry.id),
      status,
      document,
      title: liveTitles.get(entry.id) ?? entry.title,
      target: moved ? resolve(entry.id, file, line) : null,
      successor: status === 'gone' && entry.successor !== undefined ? entry.successor : null,
      amount: status === 'gone' ? parseAmountSignature(entry.amount) : null,
    });
    for (const alias of entry.aliases ?? []) {
      urls.push({
        id: alias,
        path: measureUrl(alias),
        status: 'moved',
        document,
        title: liveTitles.get(entry.id) ?? entry.title,
        target: resolve(entry.id, file, line),
        successor: null,
        amount: null,
      });
    }
  }
  if (problems.length > 0) throw new CuratedError(problems);
  return urls.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function parseAmountSignature(signature: string): UrlEntry['amount'] {
  if (signature.startsWith('own '))
    return { kind: 'own', yen: Number(signature.slice(4)), fund: null };
  if (signature.startsWith('part_of'))
    return { kind: 'part_of', yen: null, fund: signature.slice(8) || null };
  return { kind: 'none', yen: null, fund: null };
}

/** Build-summary lines for the registry: one per event, `file:line: …`. */
export function idSummary(assignment: IdAssignment): string[] {
  const out: string[] = [];
  for (const { file, line, event, title } of assignment.events) {
    const at = where(file, line);
    switch (event.kind) {
      case 'new':
        out.push(`${at}: new id ${event.id} for 「${title}」`);
        break;
      case 'renamed':
        out.push(
          `${at}: kept id ${event.id} for a changed title 「${event.from}」 → 「${title}」 (similarity ${event.similarity.toFixed(2)}); check it is the same measure`,
        );
        break;
      case 'uncertain':
        out.push(`${at}: uncertain match for ${event.id} 「${title}」: ${event.reason}`);
        break;
      case 'revived':
        out.push(`${at}: ${event.id} 「${title}」 is back in the documents (was gone)`);
        break;
      case 'gone':
        out.push(
          `${at}: ${event.id} 「${title}」 is no longer in the documents: its page becomes a tombstone (set successor: <id> in the registry if one replaces it)`,
        );
        break;
    }
  }
  for (const o of assignment.orphans) {
    out.push(
      `${o.file}: document "${o.document}" is not part of this build; its ${o.ids} ids are served as tombstones`,
    );
  }
  return out;
}
