/**
 * The site configuration (content/site.yaml), with SITE_URL and SITE_BASE
 * from the environment overriding its url and base. Validated before
 * anything is built: a build with a bad setting stops with a message and
 * changes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface SiteConfig {
  /** The public origin (`https://example.org`), or null when none is configured. */
  origin: string | null;
  /** The base path the site is served under: `/` or `/budget/` (always with both slashes). */
  base: string;
  /** The share of a document's live ids a build may turn gone without --allow-removals. */
  removalsThreshold: number;
  /** The largest number of measures a build accepts. */
  maxMeasures: number;
  /**
   * Where a reader reports an error: an http(s) or mailto: address with the placeholders
   * {id}, {url} and {title}, filled in (URL-encoded) per page; null: no report link yet.
   */
  report: string | null;
  /** The date the site's data last changed (YYYY-MM-DD), shown as 「データの更新日」; null: not shown. */
  dataUpdated: string | null;
}

export const SITE_CONFIG_FILE = 'content/site.yaml';

export const DEFAULT_SITE_CONFIG: SiteConfig = {
  origin: null,
  base: '/',
  removalsThreshold: 0.1,
  maxMeasures: 8000,
  report: null,
  dataUpdated: null,
};

export type SiteConfigResult = { ok: true; config: SiteConfig } | { ok: false; errors: string[] };

/** A path segment a host and every static server take as it is: no spaces, `..`, `%`, `?` or `#`. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._~-]*$/u;

/** Check a base path; returns it normalised (`/a/b/`) or an error. */
export function checkBase(raw: string, from: string): { base: string } | { error: string } {
  const bad = (why: string) => ({
    error: `${from}: base "${raw}" ${why}; use / or a path such as /budget/`,
  });
  if (!raw.startsWith('/')) return bad('must start with /');
  const segments = raw.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (s === '.' || s === '..') return bad('must not contain . or .. segments');
    if (!SEGMENT.test(s))
      return bad(
        `has a segment "${s}" with characters a host may not serve as they are (spaces, %, ?, # …)`,
      );
  }
  if (/\/\//u.test(raw)) return bad('must not contain //');
  return { base: segments.length === 0 ? '/' : `/${segments.join('/')}/` };
}

/** Check a public URL: an http(s) origin, optionally with a path that then is the base. */
export function checkUrl(
  raw: string,
  from: string,
): { origin: string; path: string } | { error: string } {
  const bad = (why: string) => ({
    error: `${from}: url "${raw}" ${why}; use an http(s) origin such as https://example.org or https://example.org/budget/`,
  });
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return bad('is not a URL');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return bad('must be http or https');
  if (u.username || u.password) return bad('must not contain a user or password');
  if (u.search || u.hash || raw.includes('?') || raw.includes('#'))
    return bad('must not have a query or fragment');
  if (!u.hostname) return bad('has no host');
  return { origin: u.origin, path: u.pathname };
}

/**
 * The configuration from `root`/content/site.yaml (optional: defaults) and
 * `env` (SITE_URL, SITE_BASE). Every problem is listed.
 */
export function readSiteConfig(
  root: string,
  env: Record<string, string | undefined> = process.env,
): SiteConfigResult {
  const errors: string[] = [];
  const file = join(root, SITE_CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = parseYaml(readFileSync(file, 'utf8'));
      if (parsed !== null && parsed !== undefined) {
        if (typeof parsed !== 'object' || Array.isArray(parsed))
          errors.push(`${SITE_CONFIG_FILE}: must be a YAML mapping`);
        else raw = parsed as Record<string, unknown>;
      }
    } catch (e) {
      const where = (e as { linePos?: { line: number }[] }).linePos?.[0]?.line;
      errors.push(
        `${SITE_CONFIG_FILE}${where ? `:${where}` : ''}: invalid YAML: ${(e as Error).message.split('\n')[0]}`,
      );
    }
  }
  for (const key of Object.keys(raw)) {
    if (
      !['url', 'base', 'removals_threshold', 'max_measures', 'report', 'data_updated'].includes(key)
    )
      errors.push(`${SITE_CONFIG_FILE}: unknown setting "${key}"`);
  }

  const config: SiteConfig = { ...DEFAULT_SITE_CONFIG };
  const fileUrl = raw.url;
  if (fileUrl !== undefined && fileUrl !== null && typeof fileUrl !== 'string')
    errors.push(`${SITE_CONFIG_FILE}: url must be a string or null`);
  const fileBase = raw.base;
  if (fileBase !== undefined && fileBase !== null && typeof fileBase !== 'string')
    errors.push(`${SITE_CONFIG_FILE}: base must be a string`);

  const urlRaw = env.SITE_URL
    ? env.SITE_URL
    : typeof fileUrl === 'string' && fileUrl !== ''
      ? fileUrl
      : null;
  const urlFrom = env.SITE_URL ? 'SITE_URL' : SITE_CONFIG_FILE;
  const baseRaw = env.SITE_BASE ? env.SITE_BASE : typeof fileBase === 'string' ? fileBase : null;
  const baseFrom = env.SITE_BASE ? 'SITE_BASE' : SITE_CONFIG_FILE;

  let urlPath: string | null = null;
  if (urlRaw !== null) {
    const u = checkUrl(urlRaw, urlFrom);
    if ('error' in u) errors.push(u.error);
    else {
      config.origin = u.origin;
      if (u.path !== '/') {
        const b = checkBase(u.path, urlFrom);
        if ('error' in b) errors.push(b.error);
        else urlPath = b.base;
      }
    }
  }
  if (baseRaw !== null) {
    const b = checkBase(baseRaw, baseFrom);
    if ('error' in b) errors.push(b.error);
    else config.base = b.base;
  }
  if (urlPath !== null) {
    // the url's path is the base; a base given as well must say the same
    if (baseRaw !== null && config.base !== '/' && config.base !== urlPath) {
      errors.push(
        `${urlFrom} has the path ${urlPath} but ${baseFrom} says ${config.base}: give the path in one of them only`,
      );
    }
    config.base = urlPath;
  }

  const threshold = raw.removals_threshold;
  if (threshold !== undefined) {
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1))
      errors.push(`${SITE_CONFIG_FILE}: removals_threshold must be a share between 0 and 1`);
    else config.removalsThreshold = threshold;
  }
  const max = raw.max_measures;
  if (max !== undefined) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1)
      errors.push(`${SITE_CONFIG_FILE}: max_measures must be a positive integer`);
    else config.maxMeasures = max;
  }
  const report = raw.report;
  if (report !== undefined && report !== null) {
    if (typeof report !== 'string' || !/^(https?:\/\/[^\s]+|mailto:[^\s]+)$/u.test(report))
      errors.push(`${SITE_CONFIG_FILE}: report must be an http(s) or mailto: address, or null`);
    else if (!/\{(id|url)\}/u.test(report))
      errors.push(
        `${SITE_CONFIG_FILE}: report must name the page with {id} or {url} (e.g. mailto:team@example.org?subject={id}&body={url})`,
      );
    else config.report = report;
  }
  const updated = raw.data_updated instanceof Date ? isoDay(raw.data_updated) : raw.data_updated;
  if (updated !== undefined && updated !== null) {
    if (
      typeof updated !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/u.test(updated) ||
      Number.isNaN(Date.parse(updated))
    )
      errors.push(`${SITE_CONFIG_FILE}: data_updated must be a date written YYYY-MM-DD`);
    else config.dataUpdated = updated;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, config };
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The report address for one page: the placeholders filled in, URL-encoded. */
export function reportHref(
  template: string,
  page: { id: string; url: string; title: string },
): string {
  return template.replace(/\{(id|url|title)\}/gu, (_, k: 'id' | 'url' | 'title') =>
    encodeURIComponent(page[k]),
  );
}

/** The configuration, or an Error listing every problem (for astro.config.mjs and scripts). */
export function siteConfigOrThrow(
  root: string,
  env: Record<string, string | undefined> = process.env,
): SiteConfig {
  const r = readSiteConfig(root, env);
  if (!r.ok) throw new Error(`site configuration:\n${r.errors.map((e) => `  ${e}`).join('\n')}`);
  return r.config;
}
