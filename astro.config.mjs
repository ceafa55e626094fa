// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { redirects } from './src/integrations/redirects.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { siteConfigOrThrow } from './src/lib/site-config.ts';

// Deploy target (content/site.yaml, overridden by SITE_URL and SITE_BASE):
// the public origin for canonical URLs and the sitemap (none when not
// configured: no absolute URL is written), and the base path.
const { origin, base } = siteConfigOrThrow(fileURLToPath(new URL('.', import.meta.url)));
const site = origin ?? undefined;

export default defineConfig({
  site,
  base,
  output: 'static',
  trailingSlash: 'always',
  // CSS as files, never inlined <style>, for the same CSP (style-src 'self')
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Ship scripts as files, never inline, so the pages satisfy a strict
  // Content-Security-Policy (script-src 'self').
  vite: { build: { assetsInlineLimit: 0 } },
  // The measure pages' MDX is serialised from document text (src/pipeline/write/mdx.ts) and
  // rendered by this Markdown processor (src/site/measures-loader.ts). GFM would turn bare URLs
  // in that text into links after parsing, and smartypants would rewrite its quotes: keep both
  // off so the text stays literal.
  // no syntaxHighlight: the bodies have no code blocks (the writer escapes fences), so no
  // highlighter needs to start
  markdown: { gfm: false, smartypants: false, syntaxHighlight: false },
  integrations: [
    // after the build, one integration per file set: sitemap.xml (indexable pages, only with
    // a public address), _redirects (moved ids), the Pagefind index (dist/pagefind/)
    sitemap(),
    redirects(),
    searchIndex(),
  ],
});
