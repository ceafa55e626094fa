/**
 * Progressive enhancement for measure pages (runs in the browser):
 * - the furigana toggle, remembered in localStorage, a real <button> with
 *   aria-pressed so it works by keyboard and is announced;
 * - copy the page's permanent URL, with the result announced in a live region:
 *   the address the reader has (the page is served wherever the host put
 *   it), without a query or fragment; the URL printed in the 出典 box is
 *   set to the same;
 * - the citation's access date (today, the reader's) and a button copying the citation.
 */
const KEY = 'furigana';

export function applyFurigana(on: boolean): void {
  document.documentElement.classList.toggle('ruby-on', on);
  const button = document.getElementById('ruby-toggle');
  if (button) {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'ふりがなを隠す' : 'ふりがなを表示';
  }
}

function stored(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

/** The page's own address as the reader has it: origin and path, no query or fragment. */
export function pageAddress(loc: Pick<Location, 'origin' | 'pathname'> = location): string {
  return `${loc.origin}${loc.pathname}`;
}

export function initPageTools(): void {
  const address = pageAddress();
  for (const el of document.querySelectorAll<HTMLElement>('[data-permalink]'))
    el.textContent = address;
  const toggle = document.getElementById('ruby-toggle');
  if (toggle) {
    toggle.hidden = false;
    applyFurigana(stored());
    toggle.addEventListener('click', () => {
      const on = !document.documentElement.classList.contains('ruby-on');
      applyFurigana(on);
      try {
        localStorage.setItem(KEY, on ? 'on' : 'off');
      } catch {
        /* private mode: the choice lasts for this page only */
      }
    });
  }
  const today = new Date();
  for (const el of document.querySelectorAll<HTMLElement>('[data-accessed]'))
    el.textContent = `${today.getFullYear()}年${today.getMonth() + 1}月${today.getDate()}日閲覧`;
  copyButton(
    'copy-citation',
    () => document.getElementById('citation')?.textContent ?? '',
    '引用文',
  );
  copyButton('copy-link', () => address, 'URL');
}

/** A hidden copy button made visible and wired when the clipboard is there. */
function copyButton(id: string, text: () => string, what: string): void {
  const copy = document.getElementById(id);
  // the live region beside the button announces the result
  const status = copy?.parentElement?.querySelector<HTMLElement>('.tool-status');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(text());
        if (status) status.textContent = `${what}をコピーしました。`;
      } catch {
        if (status)
          status.textContent = `コピーできませんでした。${what}を選んでコピーしてください。`;
      }
    });
  }
}
