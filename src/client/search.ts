/**
 * The search page in the browser. Loads Pagefind only here, on demand;
 * turns the query into the same tokens as the index (src/site/search/text.ts);
 * renders results as DOM nodes (never as HTML strings), with a snippet whose
 * matches are marked; keeps ?q= in the URL; announces the count.
 */
import { normalizeForSearch, searchQuery } from '../site/search/text.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{ url: string; meta: Record<string, string> }>;
}
interface Pagefind {
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (q: string | null, opts: object) => Promise<{ results: PagefindResult[] } | null>;
}

const PAGE = 20;

/** Per-character normalisation that keeps positions (for marking matches in the original text). */
function foldChars(text: string): string[] {
  return [...text].map((c) => normalizeForSearch(c));
}

/** The snippet around the first match, as [text, marked] pieces. */
export function snippet(text: string, query: string, width = 110): [string, boolean][] {
  const chars = [...text];
  const folded = foldChars(text);
  const words = normalizeForSearch(query).split(/\s+/).filter(Boolean);
  const marks = new Array<boolean>(chars.length).fill(false);
  for (const w of words) {
    const wc = [...w];
    for (let i = 0; i + wc.length <= folded.length; i++) {
      if (wc.every((c, k) => folded[i + k] === c))
        for (let k = 0; k < wc.length; k++) marks[i + k] = true;
    }
  }
  const first = marks.indexOf(true);
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(chars.length, start + width);
  const pieces: [string, boolean][] = [];
  if (start > 0) pieces.push(['…', false]);
  for (let i = start; i < end; i++) {
    const last = pieces[pieces.length - 1];
    if (last && last[1] === marks[i] && !(i === start && start > 0)) last[0] += chars[i];
    else pieces.push([chars[i]!, marks[i]!]);
  }
  if (end < chars.length) pieces.push(['…', false]);
  return pieces;
}

export function initSearch(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  const input = document.getElementById('search-q') as HTMLInputElement | null;
  if (!app || !form || !input) return;
  app.hidden = false;
  const base = app.dataset.base ?? '/';
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const sort = document.getElementById('search-sort') as HTMLSelectElement;
  const selects = [...app.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  let pagefind: Promise<Pagefind> | null = null;
  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;

  const load = () => {
    pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(
      async (pf: Pagefind) => {
        await pf.init();
        const filters = await pf.filters();
        for (const select of selects) {
          const values = filters[select.dataset.filter!] ?? {};
          for (const [value, count] of Object.entries(values).sort(
            (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
          )) {
            const option = document.createElement('option');
            option.value = value;
            option.textContent = `${value}（${count}）`;
            select.append(option);
          }
          const wanted = new URL(location.href).searchParams.get(select.dataset.filter!);
          if (wanted) select.value = wanted;
        }
        return pf;
      },
    );
    return pagefind;
  };

  const render = async (from: number) => {
    const q = input.value;
    const slice = await Promise.all(results.slice(from, from + PAGE).map((r) => r.data()));
    for (const { url, meta } of slice) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = url; // Pagefind adds the base it was loaded from
      a.textContent = meta.title ?? url;
      const h = document.createElement('h2');
      h.className = 'result-title';
      h.append(a);
      const info = document.createElement('p');
      info.className = 'muted small result-meta';
      info.textContent = [meta.type, meta.budget, meta.amount].filter(Boolean).join('・');
      const p = document.createElement('p');
      p.className = 'result-snippet';
      for (const [text, marked] of snippet(meta.text ?? '', q)) {
        if (marked) {
          const m = document.createElement('mark');
          m.textContent = text;
          p.append(m);
        } else p.append(text);
      }
      li.append(h, info, p);
      list.append(li);
    }
    shown = from + slice.length;
    more.hidden = shown >= results.length;
  };

  const search = async () => {
    const q = input.value.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    for (const s of selects) {
      if (s.value) url.searchParams.set(s.dataset.filter!, s.value);
      else url.searchParams.delete(s.dataset.filter!);
    }
    if (sort.value === 'amount') url.searchParams.set('sort', 'amount');
    else url.searchParams.delete('sort');
    history.replaceState(null, '', url);
    const mine = ++run;
    list.replaceChildren();
    more.hidden = true;
    if (!q) {
      status.textContent = '言葉を入れて検索してください。';
      return;
    }
    status.textContent = '検索しています…';
    const pf = await load();
    const filters = Object.fromEntries(
      selects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]),
    );
    const response = await pf.search(searchQuery(q), {
      filters,
      ...(sort.value === 'amount' ? { sort: { amount: 'desc' } } : {}),
    });
    if (mine !== run) return;
    results = response?.results ?? [];
    status.textContent =
      results.length > 0
        ? `「${q}」の検索結果: ${results.length}件`
        : `「${q}」に当てはまるページは見つかりませんでした。言葉を短くするか、別の言い方で試してください。`;
    await render(0);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  for (const s of [...selects, sort]) s.addEventListener('change', () => void search());
  more.addEventListener('click', () => void render(shown));
  const params = new URL(location.href).searchParams;
  input.value = params.get('q') ?? '';
  if (params.get('sort') === 'amount') sort.value = 'amount';
  if (input.value) void load().then(search);
}
