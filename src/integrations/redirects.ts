/** Astro integration: `_redirects` after the build, one line per moved id (for hosts that read it). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { redirectsFile } from '../site/publish-files.ts';
import { generatedDir, readGenerated } from '../schemas/generated.ts';

export function redirects(): AstroIntegration {
  let base = '/';
  let root = '.';
  return {
    name: 'redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const urls = readGenerated(generatedDir(root), 'urls');
        writeFileSync(join(fileURLToPath(dir), '_redirects'), redirectsFile(urls, base));
        logger.info(`_redirects: ${urls.filter((u) => u.status === 'moved').length} moved ids`);
      },
    },
  };
}
