/**
 * Labelled facts of a measure's page: 実施主体 (who carries it out), 対象
 * (who is eligible) and 補助率 (the national share), each with the source
 * line it was read from, so every fact on a page can be traced.
 */
import { cleanLine } from '../rules/clean-text.ts';
import { foldWidth } from '../../../lib/normalize.ts';
import type { Details } from '../../../lib/types.ts';

/** Labels, each at the start of a line (after 【, ◆, ○ or a bracket), followed by a separator. */
const LABELS: Record<keyof Details, RegExp> = {
  implementer: /^\s*[【\[［◆○●■]?\s*(?:実施主体|事業実施主体)(?:等)?\s*(?:[】\]］]|[:：]|\s|$)/u,
  target: /^\s*[【\[［◆○●■・]?\s*(?:補助の|支援の)?(?:補助|支援|交付|助成|実施)?対象(?:者|施設|事業者|機関|事業場)?\s*(?:[】\]］]|[:：])/u,
  rate: /^\s*[【\[［◆○●■・（(]?\s*補助率\s*(?:[】\]］]|[:：]|\s|(?=[\d０-９定国]))/u,
};

/** Where a value ends: another label, a bullet, or a note. */
const STOP = /\s*(?:[◆※]|(?:事業)?実施主体\s*[:：]|補助率\s*[:：]|(?:補助|支援)?対象(?:者)?\s*[:：]|[【［]).*$/u;

function valueAfter(line: string, label: RegExp): string {
  let value = cleanLine(line.replace(label, '').replace(STOP, ''))
    .replace(/^[】\]］:：•・\s]+/u, '')
    .replace(/[】\]］]$/u, '')
    .trim();
  // a closing bracket left over from `（補助率１０／１０）`
  if (/[)）]$/u.test(value) && !/[(（]/u.test(value)) value = value.slice(0, -1).trim();
  return value;
}

/**
 * Find each label in lines[start..end] (0-based, inclusive) and read its
 * value from the same line, or from the next non-blank line when the label
 * stands alone. The first occurrence wins. A rate must contain a figure or
 * 定額 to count.
 */
export function readDetails(lines: readonly string[], start: number, end: number): Details {
  const out: Details = { implementer: null, target: null, rate: null };
  for (let i = start; i <= end && i < lines.length; i++) {
    const raw = lines[i]!;
    for (const key of Object.keys(LABELS) as (keyof Details)[]) {
      if (out[key] !== null) continue;
      // a label can also follow another value on the same line: 実施主体：X 補助率：Y
      const at = key === 'rate' ? raw.search(/補助率\s*[:：]/u) : -1;
      const line = at > 0 ? raw.slice(at) : raw;
      if (!LABELS[key].test(line)) continue;
      let value = valueAfter(line, LABELS[key]);
      // a header row of several labels (【事業実施主体】 【補助率】) is a table whose cells the
      // text extraction scattered: the next line is not this label's value
      const header = Object.values(LABELS).filter((re) => re.test(line.replace(LABELS[key], ''))).length > 0;
      if (value === '' && !header) {
        const next = lines.slice(i + 1, Math.min(end, i + 3) + 1).find((l) => l.trim() !== '');
        if (next !== undefined && !Object.values(LABELS).some((re) => re.test(next))) value = valueAfter(next, /^/u);
      }
      if (value === '' || value.length > 80) continue;
      if (key === 'rate' && !/[\d０-９]\s*[/／]\s*[\d０-９]|定額|分の/u.test(foldWidth(value))) continue;
      out[key] = { text: value, line: i + 1 };
    }
  }
  return out;
}
