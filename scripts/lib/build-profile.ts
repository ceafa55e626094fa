/**
 * Where a build's time goes, read from what `npm run build` prints: the
 * pipeline's own timings line, Astro's stage lines (content sync, Vite's
 * server build, one `(+N ms)` per page under the route that made it), the
 * integrations' lines and, with BUDGET_PROFILE=1, the reading-aid
 * middleware's own line (src/middleware.ts).
 */

export interface ProfileRow {
  stage: string;
  count: number | null;
  ms: number;
}

const seconds = (value: string, unit: string) => Number(value) * (unit === 's' ? 1000 : 1);

/** The page-type name of a route file: src/pages/measures/[id].astro → measures/[id]. */
function routeName(file: string): string {
  return file.replace(/^src\/pages\//u, '').replace(/\.(astro|ts)$/u, '');
}

/** The stage table of one build's output (stdout and stderr together). */
export function buildProfile(log: string): ProfileRow[] {
  const rows: ProfileRow[] = [];
  const add = (stage: string, ms: number, count: number | null = null) =>
    rows.push({ stage, count, ms });
  const timings = /timings: extraction (\d+) ms, MDX and data generation (\d+) ms/u.exec(log);
  if (timings) {
    add('extraction', Number(timings[1]));
    add('MDX and data generation', Number(timings[2]));
  }
  const sync = /\[types\] Generated ([\d.]+)(m?s)/u.exec(log);
  if (sync) add('Astro: content sync and types', seconds(sync[1]!, sync[2]!));
  const info = /Collecting build info\.\.\.\n.*Completed in ([\d.]+)(m?s)/u.exec(log);
  if (info) add('Astro: collecting build info', seconds(info[1]!, info[2]!));
  const server =
    /Building static entrypoints\.\.\.\n(?:.*\n)*?.*\[vite\] ✓ built in ([\d.]+)(m?s)/u.exec(log);
  if (server)
    add('Astro: Vite server build (pages and components)', seconds(server[1]!, server[2]!));
  // pages, grouped by the route that made them
  const routes = new Map<string, { count: number; ms: number }>();
  let route = '';
  for (const line of log.split('\n')) {
    const head = /[▶λ] (src\/pages\/\S+)/u.exec(line);
    if (head) {
      route = routeName(head[1]!);
      continue;
    }
    const page = /[├└]─ \S+ \(\+([\d.]+)(m?s)\)/u.exec(line);
    if (page && route) {
      const r = routes.get(route) ?? { count: 0, ms: 0 };
      r.count += 1;
      r.ms += seconds(page[1]!, page[2]!);
      routes.set(route, r);
    }
  }
  for (const [name, r] of [...routes].sort((a, b) => b[1].ms - a[1].ms))
    add(`pages: ${name}`, r.ms, r.count);
  const middleware =
    /reading aids: (\d+) pages; parse (\d+) ms, enhance (\d+) ms \(tokenize (\d+) ms\), serialise (\d+) ms/u.exec(
      log,
    );
  if (middleware) {
    const n = Number(middleware[1]);
    // part of the pages' times above
    add('  of which the middleware parses HTML', Number(middleware[2]), n);
    add('  of which the middleware adds reading aids', Number(middleware[3]), n);
    add('    of which kuromoji tokenisation', Number(middleware[4]), n);
    add('  of which the middleware serialises HTML', Number(middleware[5]), n);
  }
  const pagefind = /pagefind: (\d+) search records indexed in (\d+) ms/u.exec(log);
  if (pagefind) add('Pagefind index', Number(pagefind[2]), Number(pagefind[1]));
  const built = /(\d+) page\(s\) built in ([\d.]+)(m?s)/u.exec(log);
  if (built) add('Astro build in all', seconds(built[2]!, built[3]!), Number(built[1]));
  return rows;
}

/** The table as Markdown. */
export function formatProfile(rows: readonly ProfileRow[]): string {
  return [
    '| stage | pages/items | time | per item |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.stage} | ${r.count ?? ''} | ${(r.ms / 1000).toFixed(2)} s | ${
          r.count ? `${(r.ms / r.count).toFixed(1)} ms` : ''
        } |`,
    ),
  ].join('\n');
}
