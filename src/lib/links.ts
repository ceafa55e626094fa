/**
 * Site paths. Records carry paths without the deployment base
 * ('/measures/<id>/'); pages join them with import.meta.env.BASE_URL.
 * Every path here is part of the URL contract: change none of them.
 */

/** Join the deployment base ('/' or '/sub/' or '/sub') and a site path. */
export function withBase(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${b}${p}`;
}

const seg = encodeURIComponent;

export function documentPath(documentId: string): string {
  return `/budgets/${seg(documentId)}/`;
}

export function documentByAmountPath(documentId: string): string {
  return `/budgets/${seg(documentId)}/by-amount/`;
}

export function documentPackagesPath(documentId: string): string {
  return `/budgets/${seg(documentId)}/packages/`;
}

export const BUREAUS_PATH = '/bureaus/';

export function bureauPath(slug: string): string {
  return `/bureaus/${seg(slug)}/`;
}

export function divisionPath(bureau: string, division: string): string {
  return `/bureaus/${seg(bureau)}/${seg(division)}/`;
}

export const TAGS_PATH = '/tags/';

export function tagPath(slug: string): string {
  return `/tags/${seg(slug)}/`;
}

export const GLOSSARY_PATH = '/glossary/';

export function sourcePath(documentId: string): string {
  return `/sources/${seg(documentId)}/`;
}

/** A line range of a source document: the page highlights it (with script) and scrolls to its first line. */
export function sourceLinesPath(
  documentId: string,
  [first, last]: readonly [number, number],
): string {
  return `${sourcePath(documentId)}?lines=${first}-${last}#L${first}`;
}

/** The page of a measure, without the base. */
export function measureUrl(id: string): string {
  return `/measures/${id}/`;
}

export const PROGRAMS_PATH = '/programs/';

/** The page of a program across budgets. */
export function programPath(slug: string): string {
  return `${PROGRAMS_PATH}${seg(slug)}/`;
}

export const COMPARE_PATH = '/compare/';

/** The comparison of two documents, the older first. */
export function comparePath(a: string, b: string): string {
  return `${COMPARE_PATH}${seg(a)}/${seg(b)}/`;
}

/** The CSV of a comparison. */
export function compareCsvPath(a: string, b: string): string {
  return `/data/compare/${seg(a)}/${seg(b)}.csv`;
}
