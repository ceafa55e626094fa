/**
 * Step: the responsible bureau. A request-style header names it right above
 * the amount; otherwise it is printed after the figure on the amount line
 * (`… 55億円 医政局地域医療計画課`) or with its extension number somewhere on the
 * page (`医政局医療経営支援課（内線2672）`, a bureau line above an extension-only
 * line). A component is its page's measure's.
 */
import { isBureauLine, joinBureauParts } from '../rules/bureau.ts';
import { hasExtension, stripExtension } from '../rules/extension.ts';
import { tidy } from '../rules/text.ts';
import type { DocText, Placed, WithBureau } from '../types.ts';

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/** The bureau printed on an amount line after the figure: `… 55億円 医政局地域医療計画課`. */
function bureauAfterAmount(line: string, amountText: string): string | null {
  const at = line.indexOf(amountText);
  if (at < 0 || !amountText) return null;
  const rest = stripExtension(line.slice(at + amountText.length)).trim();
  return rest && isBureauLine(rest, false) ? tidy(rest) : null;
}

/** A bureau printed with its extension number in lines[start..end]; the line it was read from. */
function bureauWithExtension(lines: readonly string[], start: number, end: number): { bureau: string; line: number } | null {
  for (let i = start; i <= end; i++) {
    const l = lines[i]!;
    if (!hasExtension(l)) continue;
    const beforeExt = l.split(/[(（]\s*内線/u)[0]!;
    const parts: string[] = [];
    if (beforeExt.trim() && isBureauLine(beforeExt, false)) parts.push(stripExtension(tidy(beforeExt)));
    // bureau name(s) on the line(s) above an extension-only line
    for (let j = i - 1; j >= start && parts.length === 0 && j >= i - 2; j--) {
      if (isBlank(lines[j])) continue;
      if (isBureauLine(lines[j]!, false)) parts.unshift(stripExtension(tidy(lines[j]!)));
      break;
    }
    if (parts.length) return { bureau: joinBureauParts(parts), line: i };
  }
  return null;
}

export function readBureaus(doc: DocText, placed: readonly Placed[]): WithBureau[] {
  const { lines } = doc;
  const mains = placed.map((d) => {
    if (d.parentIndex !== null) return { ...d, bureau: null as string | null };
    let bureau = d.headerBureau ?? bureauAfterAmount(lines[d.anchor.figureLine]!, d.anchor.amount.text);
    let header = d.header;
    if (!bureau && !d.headerAbove) {
      const found = bureauWithExtension(lines, d.start, d.end);
      if (found) {
        bureau = found.bureau;
        header = new Set([...d.header, found.line]);
      }
    }
    return { ...d, header, bureau };
  });
  return mains.map((d) => (d.parentIndex === null ? d : { ...d, bureau: mains[d.parentIndex]!.bureau }));
}
