// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { siteFiles } from './src/integrations/site-files.ts';

// Deploy target: SITE_URL is the origin (for canonical URLs and the sitemap),
// SITE_BASE the sub-path the site is served under ('/' or e.g. '/budget/').
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.SITE_BASE || '/';

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
  integrations: [
    mdx({
      // The MDX files are serialised from document text (src/lib/mdx.ts).
      // GFM would turn bare URLs in that text into links after parsing,
      // and smartypants would rewrite its quotes: keep both off so the text
      // stays literal.
      gfm: false,
      smartypants: false,
    }),
    // sitemap.xml (indexable pages only) and _redirects (moved ids)
    siteFiles(),
  ],
});
