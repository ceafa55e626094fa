import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSiteConfig, reportHref } from '../../src/lib/site-config.ts';

const dirs: string[] = [];
/** A project folder with `content/site.yaml` holding `yaml` (none when null). */
function project(yaml: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-config-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'content'));
  if (yaml !== null) writeFileSync(join(dir, 'content/site.yaml'), yaml);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const errorsOf = (dir: string, env: Record<string, string>) => {
  const r = readSiteConfig(dir, env);
  return r.ok ? [] : r.errors;
};

describe('site configuration', () => {
  it('has no public address and the root base by default', () => {
    expect(readSiteConfig(project(null), {})).toEqual({
      ok: true,
      config: {
        origin: null,
        base: '/',
        removalsThreshold: 0.1,
        maxMeasures: 8000,
        report: null,
        dataUpdated: null,
      },
    });
    expect(readSiteConfig(project('url: null\nbase: /\n'), {})).toMatchObject({
      ok: true,
      config: { origin: null, base: '/' },
    });
  });

  it('reads the file and lets SITE_URL and SITE_BASE override it', () => {
    const dir = project(
      'url: https://budget.example.org\nbase: /b/\nremovals_threshold: 0.2\nmax_measures: 100\n',
    );
    expect(readSiteConfig(dir, {})).toEqual({
      ok: true,
      config: {
        origin: 'https://budget.example.org',
        base: '/b/',
        removalsThreshold: 0.2,
        maxMeasures: 100,
        report: null,
        dataUpdated: null,
      },
    });
    expect(
      readSiteConfig(dir, { SITE_URL: 'http://other.example', SITE_BASE: '/c' }),
    ).toMatchObject({ ok: true, config: { origin: 'http://other.example', base: '/c/' } });
  });

  it('takes the path of a URL as the base, never dropping it', () => {
    expect(readSiteConfig(project(null), { SITE_URL: 'https://example.org/sub/' })).toMatchObject({
      ok: true,
      config: { origin: 'https://example.org', base: '/sub/' },
    });
    expect(readSiteConfig(project(null), { SITE_URL: 'https://example.org/sub' })).toMatchObject({
      ok: true,
      config: { base: '/sub/' },
    });
    expect(
      errorsOf(project(null), { SITE_URL: 'https://example.org/a/', SITE_BASE: '/b/' }),
    ).toEqual([
      'SITE_URL has the path /a/ but SITE_BASE says /b/: give the path in one of them only',
    ]);
  });

  it.each([
    ['javascript:alert(1)//', 'must be http or https'],
    ['example.org', 'is not a URL'],
    ['ftp://example.org', 'must be http or https'],
    ['https://user:pw@example.org', 'must not contain a user or password'],
    ['https://example.org/?q=1', 'must not have a query or fragment'],
    ['https://example.org/a b/', 'characters a host may not serve'],
  ])('refuses SITE_URL=%s', (url, why) => {
    const errors = errorsOf(project(null), { SITE_URL: url });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^SITE_URL: /u);
    expect(errors[0]).toContain(why);
  });

  it.each([
    ['/a b/', 'characters a host may not serve'],
    ['../x/', 'must start with /'],
    ['/../x/', 'must not contain . or .. segments'],
    ['/a?x=1', 'characters a host may not serve'],
    ['/a%20b/', 'characters a host may not serve'],
    ['x/', 'must start with /'],
  ])('refuses SITE_BASE=%s', (base, why) => {
    const errors = errorsOf(project(null), { SITE_BASE: base });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`SITE_BASE: base "${base}"`);
    expect(errors[0]).toContain(why);
  });

  it('names the file and line of a broken configuration, and every unknown or wrong setting', () => {
    expect(errorsOf(project('url: [\n'), {})[0]).toMatch(
      /^content\/site\.yaml(?::\d+)?: invalid YAML/u,
    );
    expect(
      errorsOf(project('url: 5\nremovals_threshold: 2\nmax_measures: 0\ncolour: red\n'), {}),
    ).toEqual([
      'content/site.yaml: unknown setting "colour"',
      'content/site.yaml: url must be a string or null',
      'content/site.yaml: removals_threshold must be a share between 0 and 1',
      'content/site.yaml: max_measures must be a positive integer',
    ]);
  });

  it('reads the report address and the data date, and refuses bad ones', () => {
    const ok = readSiteConfig(
      project(
        'report: mailto:team@example.org?subject={id}&body={url}\ndata_updated: 2026-12-02\n',
      ),
      {},
    );
    expect(ok).toMatchObject({
      ok: true,
      config: {
        report: 'mailto:team@example.org?subject={id}&body={url}',
        dataUpdated: '2026-12-02',
      },
    });
    expect(
      errorsOf(project('report: https://example.org/issues/new\ndata_updated: 2.12.2026\n'), {}),
    ).toEqual([
      'content/site.yaml: report must name the page with {id} or {url} (e.g. mailto:team@example.org?subject={id}&body={url})',
      'content/site.yaml: data_updated must be a date written YYYY-MM-DD',
    ]);
    expect(errorsOf(project('report: javascript:alert(1)//{id}\n'), {})).toEqual([
      'content/site.yaml: report must be an http(s) or mailto: address, or null',
    ]);
  });

  it('fills a report address per page, URL-encoded', () => {
    expect(
      reportHref('https://example.org/new?title={id}&body={url}%20{title}', {
        id: 'r7-gaisan-1',
        url: 'https://example.org/measures/r7-gaisan-1/',
        title: '施策&<x>',
      }),
    ).toBe(
      'https://example.org/new?title=r7-gaisan-1&body=https%3A%2F%2Fexample.org%2Fmeasures%2Fr7-gaisan-1%2F%20%E6%96%BD%E7%AD%96%26%3Cx%3E',
    );
  });
});
