/**
 * Building the site in shards (docs/scaling.md): `SITE_SHARD` tells a build
 * which part of the site to make, so that parts can be built in separate
 * processes or on separate machines from the same src/generated/ and merged
 * into one dist/ (scripts/shards.ts).
 *
 * - unset: the whole site (every ordinary build);
 * - `documents:<id>,<id>`: the measure pages (live, moved and gone ids) and
 *   source-text pages of those documents, the bulk of the site, and none of
 *   the shared dynamic pages; no search index;
 * - `shared`: everything else: home, budget, bureau, tag, glossary, search,
 *   data files, the search index of every document, sitemap, _redirects.
 *
 * A few static pages (home, glossary, search …) have no paths to filter and
 * are made by every build; the merge takes them from the shared build.
 */
export type Shard = { kind: 'all' } | { kind: 'shared' } | { kind: 'documents'; ids: Set<string> };

/** The shard named by `value` (SITE_SHARD); throws on anything else. */
export function parseShard(value: string | undefined): Shard {
  if (value === undefined || value === '') return { kind: 'all' };
  if (value === 'shared') return { kind: 'shared' };
  const m = /^documents:([\w-]+(?:,[\w-]+)*)$/u.exec(value);
  if (!m)
    throw new Error(
      `SITE_SHARD="${value}": use "shared" or "documents:<id>,<id>" (or leave it unset)`,
    );
  return { kind: 'documents', ids: new Set(m[1]!.split(',')) };
}

export const shard: Shard = parseShard(process.env.SITE_SHARD);

/** Does this build make the measure and source pages of `documentId`? */
export function makesDocument(documentId: string, s: Shard = shard): boolean {
  return s.kind === 'all' || (s.kind === 'documents' && s.ids.has(documentId));
}

/** The paths of a shared dynamic route, or none in a document shard. */
export function sharedPaths<T>(paths: T[], s: Shard = shard): T[] {
  return s.kind === 'documents' ? [] : paths;
}
