/**
 * Badges printed beside a measure: `新規`, `拡充`, `推進枠` (split over two
 * lines as `推進` / `枠`), glued together (`拡充**推進枠**`) or before the title.
 */
import { tidy } from './text.ts';

export const BADGES = ['新規', '拡充', '推進枠'] as const;

/** A line that holds only badges, e.g. `新規`, `拡充 推進枠`, `推進`, `枠`. */
export function badgesOf(line: string): string[] | null {
  const t = tidy(line);
  if (t === '') return null;
  // badges can be printed glued together: 拡充**推進枠** → 拡充 推進枠
  const words = t.replace(/(新規|拡充|推進枠)(?=\S)/gu, '$1 ').split(/\s+/u);
  const out: string[] = [];
  for (const w of words) {
    if (w === '新規' || w === '拡充' || w === '推進枠') out.push(w);
    else if (w === '推進') out.push('推進枠');
    else if (w === '枠') continue;
    else return null;
  }
  return out;
}

/** Leading badges on a title line: `拡充 推進枠 がん・難病の…` → tags + rest. */
export function splitLeadingBadges(line: string): { tags: string[]; rest: string } {
  const tags: string[] = [];
  let rest = tidy(line);
  for (;;) {
    const m = /^(新規|拡充|推進枠)\s+/u.exec(rest);
    if (!m) break;
    tags.push(m[1]!);
    rest = rest.slice(m[0].length);
  }
  return { tags, rest };
}
