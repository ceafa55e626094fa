/**
 * Site paths. Records carry paths without the deployment base
 * ('/measures/<id>/'); pages join them with import.meta.env.BASE_URL.
 */

/** Join the deployment base ('/' or '/sub/' or '/sub') and a site path. */
export function withBase(base: string, path: string): string {
  const b = base.replace(/\/+$/, '');
  const p = path.startsWith('/') ? path : `/${path}`;
  return `${b}${p}`;
}

export function documentPath(documentId: string): string {
  return `/budgets/${encodeURIComponent(documentId)}/`;
}

export function documentByAmountPath(documentId: string): string {
  return `/budgets/${encodeURIComponent(documentId)}/by-amount/`;
}
