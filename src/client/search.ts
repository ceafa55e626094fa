/**
 * The search page in the browser. Loads Pagefind only here, on demand;
 * plans the query (src/site/search/plan.ts: content words, variants,
 * synonyms, English, readings, corrections) with the curated tables the page
 * carries, into the same tokens as the index (src/site/search/text.ts);
 * renders results as DOM nodes (never as HTML strings), with a snippet whose
 * matches are marked; keeps ?q= in the URL; announces the count.
 */
import type { SearchTerms } from '../schemas/search-terms.ts';
import { searchWith, type Outcome, type TermsPart, type TermsSource } from '../site/search/plan.ts';
import { baseNormalize } from '../lib/search-normalise.ts';

interface PagefindResult {
  id: string;
  score: number;
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
  return [...text].map((c) => baseNormalize(c));
}

/** The snippet around the first match, as [text, marked] pieces. */
export function snippet(text: string, query: string, width = 110): [string, boolean][] {
  const chars = [...text];
  const folded = foldChars(text);
  const words = baseNormalize(query).split(/\s+/).filter(Boolean);
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
  const notes = document.getElementById('search-notes')!;
  // the phone layout's 絞り込み button (hidden on wider screens, where the filters always show)
  const toggle = document.getElementById('filter-toggle');
  const filterCount = document.getElementById('filter-count');
  const showFilterCount = () => {
    const n = selects.filter((s) => s.value).length + (sort.value === 'relevance' ? 0 : 1);
    if (filterCount) filterCount.textContent = n > 0 ? `（${n}件を指定中）` : '';
  };
  toggle?.addEventListener('click', () => {
    toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
  });
  type PageTerms = Pick<SearchTerms, 'chars' | 'confusions' | 'vocabulary'> & {
    parts: string[];
    wordParts: string[];
  };
  /** The table parts (search/terms/) and document words (search/words/), each file fetched once. */
  const fetched = new Map<string, Promise<unknown>>();
  const fetchJson = <T>(url: string) => {
    if (!fetched.has(url))
      fetched.set(
        url,
        fetch(url)
          .then((r) => (r.ok ? r.json() : null))
          .catch(() => null),
      );
    return fetched.get(url) as Promise<T | null>;
  };
  const fetchParts = <T>(dir: string, names: readonly string[], ids: readonly string[]) => {
    const have = new Set(names);
    return Promise.all(
      ids.filter((id) => have.has(id)).map((id) => fetchJson<T>(`${base}search/${dir}/${id}.json`)),
    ).then((parts) => parts.filter((p): p is Awaited<T> => p !== null));
  };
  /** What every query needs of the tables (search/terms/base.json), loaded with the first query. */
  let source: Promise<TermsSource> | null = null;
  const loadSource = () =>
    (source ??= fetchJson<PageTerms>(`${base}search/terms/base.json`).then((loaded) => {
      const page: PageTerms = loaded ?? {
        chars: [],
        confusions: [],
        vocabulary: [],
        parts: [],
        wordParts: [],
      };
      return {
        base: page,
        terms: (ids) => fetchParts<TermsPart>('terms', page.parts, ids),
        words: (ids) => fetchParts<string[]>('words', page.wordParts, ids),
      };
    }));
  let marks = '';
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
        showFilterCount();
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
      for (const [text, marked] of snippet(meta.text ?? '', marks || q)) {
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
    showFilterCount();
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
    const options = { filters, ...(sort.value === 'amount' ? { sort: { amount: 'desc' } } : {}) };
    const byId = new Map<string, PagefindResult>();
    const outcome = await searchWith(
      q,
      await loadSource(),
      async (query) => {
        const found = (await pf.search(query, options))?.results ?? [];
        for (const r of found) byId.set(r.id, r);
        return found.map((r) => ({ id: r.id, score: r.score }));
      },
      { byScore: sort.value !== 'amount' },
    );
    if (mine !== run) return;
    results = outcome.results.map((r) => byId.get(r.id)!);
    marks = outcome.marks.join(' ');
    status.textContent =
      results.length > 0
        ? `「${q}」の検索結果: ${results.length}件`
        : `「${q}」に当てはまるページは見つかりませんでした。言葉を短くするか、別の言い方で試してください。`;
    showNotes(outcome);
    await render(0);
  };

  /** What the search did besides the words as typed: one line each, as DOM nodes. */
  const showNotes = (outcome: Outcome) => {
    notes.replaceChildren();
    const line = (...parts: (string | Node)[]) => {
      const p = document.createElement('p');
      p.append(...parts);
      notes.append(p);
    };
    const pairs = (kind: string) =>
      outcome.used.filter((u) => u.kind === kind).flatMap((u) => u.replaced);
    const quoted = (list: [string, string][]) =>
      [...new Set(list.map(([from, to]) => `「${from}」→「${to}」`))].join('、');
    const synonyms = pairs('synonym');
    if (synonyms.length > 0)
      line(`ふだんの言葉を資料の言葉に置き換えても探しました：${quoted(synonyms)}`);
    const read = pairs('reading');
    if (read.length > 0)
      line(
        `かなの言葉を、漢字で書く言葉の読みとしても探しました：${[...new Set(read.map(([w]) => `「${w}」`))].join('、')}`,
      );
    const confused = pairs('confusion');
    if (confused.length > 0) line(`似た言葉でも探しました：${quoted(confused)}`);
    const english = pairs('english');
    if (english.length > 0) {
      const en = document.createElement('span');
      en.lang = 'en';
      en.textContent = 'The pages are in Japanese.';
      line(
        `英語の言葉を日本語に置き換えて探しました：${quoted(english)}。ページは日本語です（`,
        en,
        '）。',
      );
    }
    if (outcome.suggestion) {
      const a = document.createElement('a');
      const url = new URL(location.href);
      url.searchParams.set('q', outcome.suggestion);
      a.href = url.pathname + url.search;
      a.textContent = outcome.suggestion;
      line('もしかして：', a);
    }
    if (outcome.partial)
      line('すべての言葉を含むページはありませんでした。言葉の一部を含むページを表示しています。');
    notes.hidden = notes.childElementCount === 0;
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
