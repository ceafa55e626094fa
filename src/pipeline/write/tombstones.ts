/**
 * No published URL ever 404s. After Astro has built a site into its staging
 * directory, every page or data file of the ledger (ids/contract.ts) that
 * this build no longer makes gets a stand-in: a page gets a copy of the
 * tombstone template (src/pages/gone.astro) saying what it was, a data
 * file (a chart's CSV) keeps its last published content when the previous
 * dist/ has it, else a note. The stand-ins are noindex pages and stay in
 * the ledger, so they are made again by every later build.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Ledger } from '../ids/contract.ts';

/**
 * Paths of the site that are no page or data file of the contract: hashed bundles, the search
 * index, and the search page's table parts (search/terms/, search/words/: they come and go with
 * the tables, like the index's chunks, and only the search page loads them).
 */
const NOT_PUBLISHED = /^\/(?:_astro|pagefind|search\/terms|search\/words)\//u;

export interface Published {
  /** Site path without the base: `/budgets/r6-hosei/` for a page, `/data/charts/x.csv` for a file. */
  path: string;
  page: boolean;
  /** Line anchors (`id="L120"`) a page carries. */
  anchors: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every page and data file of a built site, sorted. */
export function publishedPaths(dist: string): Published[] {
  const out: Published[] = [];
  for (const file of walk(dist)) {
    const rel = `/${relative(dist, file).split('\\').join('/')}`;
    if (NOT_PUBLISHED.test(rel)) continue;
    if (rel.endsWith('/index.html')) {
      const html = readFileSync(file, 'utf8');
      out.push({
        path: rel.slice(0, -'index.html'.length),
        page: true,
        anchors: (html.match(/\sid="L\d+"/gu) ?? []).length,
      });
    } else {
      out.push({ path: rel, page: false, anchors: 0 });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (s: string) => s.replace(/[&<>"']/gu, (c) => ESCAPES[c]!);

/** The template's notice section, filled for `path`. */
function notice(path: string): string {
  return (
    `<section data-tombstone><h1>このページは現在ありません</h1>` +
    `<p class="notice" role="note"><strong>以前このURL（${escape(path)}）で公開していたページです。</strong>` +
    'もとになった施策や予算資料が、現在このサイトが扱う資料から外れました。URLは今後も変わらず、このお知らせを表示します。</p></section>'
  );
}

const SECTION = /<section data-tombstone[^>]*>[\s\S]*?<\/section>/u;

/**
 * Write stand-ins into `stage` for every ledger page and file it lacks.
 * `template`: the built gone page (stage/gone/index.html); `previous`: the
 * dist/ being replaced (for last published data files), if any. Returns
 * the paths filled.
 */
export function fillTombstones(
  stage: string,
  ledger: Ledger,
  previous: string | null,
): { pages: string[]; files: string[] } {
  const templateFile = join(stage, 'gone', 'index.html');
  if (!existsSync(templateFile))
    throw new Error(`${templateFile}: the tombstone template was not built (src/pages/gone.astro)`);
  const template = readFileSync(templateFile, 'utf8');
  if (!SECTION.test(template))
    throw new Error(`${templateFile}: no <section data-tombstone> to fill`);
  const pages: string[] = [];
  const files: string[] = [];
  for (const item of ledger.items) {
    if (item.kind === 'page') {
      const file = join(stage, item.path, 'index.html');
      if (existsSync(file)) continue;
      const anchors =
        item.anchors > 0
          ? `<div class="line-anchors" aria-hidden="true">${Array.from({ length: item.anchors }, (_, i) => `<span id="L${i + 1}"></span>`).join('')}</div>`
          : '';
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, template.replace(SECTION, `${notice(item.path)}${anchors}`));
      pages.push(item.path);
    } else if (item.kind === 'file') {
      const file = join(stage, item.path);
      if (existsSync(file)) continue;
      mkdirSync(dirname(file), { recursive: true });
      const old = previous ? join(previous, item.path) : null;
      if (old && existsSync(old)) copyFileSync(old, file);
      else if (item.path.endsWith('.json'))
        writeFileSync(
          file,
          `${JSON.stringify({ note: 'このデータは、もとになった施策や資料が現在の予算資料から外れたため、公開を終えました。' })}\n`,
        );
      else
        writeFileSync(
          file,
          '\uFEFFnote\r\nこのデータは、もとになった施策や資料が現在の予算資料から外れたため、公開を終えました。\r\n',
        );
      files.push(item.path);
    }
  }
  return { pages, files };
}
