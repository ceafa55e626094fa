/**
 * The URL contract across builds. `content/registry/published.txt` lists
 * every id, alias and page path the site has ever published (written by
 * every successful build, committed with the registries). A build stops
 * when a published id or alias is no longer registered (an entry, alias or
 * registry file removed by hand), and when it would turn more than the
 * configured share of a document's live ids into tombstones without being
 * told to. Pages of the ledger that a build no longer produces get a
 * tombstone page (write/tombstones.ts), so no published URL ever 404s.
 */
import type { Problem } from '../../schemas/problem.ts';
import type { IdAssignment, UrlEntry } from './assign.ts';
import type { LoadedRegistry } from './registry-file.ts';

export const LEDGER_FILE = 'published.txt';

/** One published thing: an id, an alias (of `owner`), a page (`/budgets/x/`), or a data file (`/data/charts/x.csv`). */
export type LedgerItem =
  | { kind: 'id'; id: string; line: number }
  | { kind: 'alias'; id: string; owner: string; line: number }
  | { kind: 'page'; path: string; anchors: number; line: number }
  | { kind: 'file'; path: string; line: number };

export interface Ledger {
  items: LedgerItem[];
}

const HEADER = `# Every id, alias, page and data file this site has published, one a line.
# Written by \`npm run build\` after a build that succeeded; commit it with the
# registries. A build stops when a published id or alias is no longer in a
# registry, and gives every published page it no longer makes a tombstone
# page. Never remove a line: that would let a published URL break silently.
#   id <id> | alias <alias> <id it redirects to> | page <path> [<line anchors>] | file <path>
`;

/** A published URL this build would lose. */
const urlLost = (file: string, line: number | null, message: string): Problem => ({
  code: 'url-lost',
  severity: 'error',
  file,
  line,
  message,
});

/** Parse the ledger; a malformed line is a problem with its line. */
export function parseLedger(
  text: string,
  file: string,
): { ok: true; ledger: Ledger } | { ok: false; problems: Problem[] } {
  const items: LedgerItem[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    const [kind, a, b, ...rest] = t.split(/\s+/u);
    if (rest.length === 0 && kind === 'id' && a && b === undefined)
      items.push({ kind, id: a, line });
    else if (rest.length === 0 && kind === 'alias' && a && b)
      items.push({ kind, id: a, owner: b, line });
    else if (
      rest.length === 0 &&
      kind === 'page' &&
      a?.startsWith('/') &&
      (b === undefined || /^\d+$/u.test(b))
    )
      items.push({ kind, path: a, anchors: b ? Number(b) : 0, line });
    else if (rest.length === 0 && kind === 'file' && a?.startsWith('/') && b === undefined)
      items.push({ kind, path: a, line });
    else
      problems.push({
        code: 'ledger',
        severity: 'error',
        file,
        line,
        message: `not a ledger line: "${t}" (id <id> | alias <alias> <id> | page <path> [<anchors>] | file <path>)`,
      });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ledger: { items } };
}

const key = (i: LedgerItem) =>
  i.kind === 'id' || i.kind === 'alias' ? `${i.kind} ${i.id}` : `${i.kind} ${i.path}`;

/** The ledger after a build: everything it had, and everything the build published. Sorted, so byte-stable. */
export function formatLedger(
  previous: Ledger,
  urls: readonly UrlEntry[],
  aliasOwner: ReadonlyMap<string, string>,
  published: readonly { path: string; anchors?: number; page: boolean }[],
): string {
  const all = new Map<string, string>();
  for (const i of previous.items) {
    all.set(
      key(i),
      i.kind === 'id'
        ? `id ${i.id}`
        : i.kind === 'alias'
          ? `alias ${i.id} ${i.owner}`
          : i.kind === 'page'
            ? `page ${i.path}${i.anchors ? ` ${i.anchors}` : ''}`
            : `file ${i.path}`,
    );
  }
  for (const u of urls) {
    const owner = aliasOwner.get(u.id);
    if (owner !== undefined) all.set(`alias ${u.id}`, `alias ${u.id} ${owner}`);
    else all.set(`id ${u.id}`, `id ${u.id}`);
  }
  for (const p of published) {
    const k = `${p.page ? 'page' : 'file'} ${p.path}`;
    const prior = all.get(k);
    const anchors = Math.max(p.anchors ?? 0, Number(prior?.split(' ')[2] ?? 0));
    all.set(k, p.page ? `page ${p.path}${anchors ? ` ${anchors}` : ''}` : `file ${p.path}`);
  }
  const lines = [...all.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${HEADER}${lines.join('\n')}\n`;
}

/** Which registered id each alias redirects from. */
export function aliasOwners(loaded: readonly LoadedRegistry[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of loaded)
    for (const e of l.registry.entries) for (const a of e.aliases ?? []) out.set(a, e.id);
  return out;
}

/**
 * Published ids and aliases the registries no longer hold: each is a URL
 * that would break, or (an entry deleted and `next` lowered) be minted
 * again for another measure. Checked against the registries as read, before
 * any id is assigned. Names the line to restore.
 */
export function lostUrls(
  ledger: Ledger,
  ledgerFile: string,
  loaded: readonly LoadedRegistry[],
  registryDir: string,
): Problem[] {
  const ids = new Set<string>();
  const aliases = new Map<string, string>();
  for (const l of loaded) {
    for (const e of l.registry.entries) {
      ids.add(e.id);
      for (const a of e.aliases ?? []) aliases.set(a, e.id);
    }
  }
  const byDocument = new Map(loaded.map((l) => [l.registry.document, l]));
  const registryOf = (id: string) => loaded.find((l) => id.startsWith(`${l.registry.document}-`));
  const problems: Problem[] = [];
  const missingFiles = new Map<string, number>();
  const lostIds = new Set(
    ledger.items.flatMap((i) => (i.kind === 'id' && !ids.has(i.id) ? [i.id] : [])),
  );
  for (const item of ledger.items) {
    if (item.kind !== 'id' && item.kind !== 'alias') continue;
    if (item.kind === 'id' ? ids.has(item.id) : aliases.has(item.id) || ids.has(item.id)) continue;
    const owner = item.kind === 'alias' ? item.owner : item.id;
    const l = registryOf(owner);
    if (!l) {
      const document = owner.replace(/-[^-]+$/u, '');
      if (!byDocument.has(document))
        missingFiles.set(document, (missingFiles.get(document) ?? 0) + 1);
      continue;
    }
    if (item.kind === 'alias') {
      // an alias of an entry that is missing as a whole is told with that entry
      if (lostIds.has(owner)) continue;
      problems.push(
        urlLost(
          l.file,
          l.lines.get(owner) ?? null,
          `alias ${item.id} of ${owner} was published (${ledgerFile}:${item.line}) but is no longer listed: put it back under ${owner}'s aliases, or its old URL breaks`,
        ),
      );
    } else {
      const itsAliases = ledger.items
        .filter((i) => i.kind === 'alias' && i.owner === item.id)
        .map((i) => (i.kind === 'alias' ? i.id : ''));
      problems.push(
        urlLost(
          l.file,
          null,
          `id ${item.id} was published (${ledgerFile}:${item.line}) but is no longer in the registry${itsAliases.length ? ` (nor its alias${itsAliases.length > 1 ? 'es' : ''} ${itsAliases.join(', ')})` : ''}: ` +
            'restore its entry and next (status: gone makes it a tombstone page; moved_to: <id> a redirect); a deleted entry would let its number be minted again for another measure',
        ),
      );
    }
  }
  for (const [document, n] of missingFiles) {
    problems.push(
      urlLost(
        `${registryDir}${document}.yaml`,
        null,
        `the registry of document ${document} is missing, but ${n} of its ids and aliases were published (${ledgerFile}): restore the file from version control`,
      ),
    );
  }
  return problems;
}

/**
 * Documents of this build whose live ids would turn gone beyond `threshold`
 * (a share): almost always a source fault (a truncated text, a wrong label),
 * not a real removal. Retired documents are told explicitly and not counted.
 */
export function removals(
  assignment: IdAssignment,
  loaded: readonly LoadedRegistry[],
  threshold: number,
): Problem[] {
  const problems: Problem[] = [];
  for (const l of loaded) {
    const document = l.registry.document;
    const live = l.registry.entries.filter(
      (e) => e.status === 'live' && e.moved_to === undefined,
    ).length;
    const gone = assignment.events.filter(
      (e) => e.document === document && e.event.kind === 'gone',
    );
    if (live === 0 || gone.length === 0 || gone.length <= threshold * live) continue;
    problems.push(
      urlLost(
        l.file,
        null,
        `this build would turn ${gone.length} of the ${live} live ids of ${document} into tombstones (more than ${Math.round(threshold * 100)} %): ` +
          `${gone
            .slice(0, 3)
            .map((g) => (g.event.kind === 'gone' ? g.event.id : ''))
            .join(', ')}${gone.length > 3 ? ', …' : ''}. ` +
          'If the measures really left the document, run `npm run build -- --allow-removals`; if the document left the sources, retire it (retired: <date> in its registry)',
      ),
    );
  }
  return problems;
}
