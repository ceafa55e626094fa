/**
 * Step: the responsible bureau. A request-style header names it right above
 * the amount; otherwise it is printed after the figure on the amount line
 * (`… 55億円 医政局地域医療計画課`) or with its extension number somewhere on the
 * page (`医政局医療経営支援課（内線2672）`, a bureau line above an extension-only
 * line). A component is its page's measure's.
 */
import { foldWidth } from '../../../lib/normalise.ts';
import { isBureauFragment, isBureauLine, joinBureauParts } from '../rules/bureau.ts';
import { EXTENSION_ONLY, hasExtension, stripExtension } from '../rules/extension.ts';
import { tidy } from '../rules/text.ts';
import type { DocText, Placed, WithBureau } from '../types.ts';

const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * The bureau printed on an amount line after the figure: `… 55億円 医政局地域医療計画課`,
 * running onto the next line when broken there (`… 70億円 医政局` / `医薬産業振興・医療情報企画課`,
 * `… 60億円 医政局特定医薬品開発支援` / `・医療情報担当参事官室（内線4490）`).
 */
function bureauAfterAmount(
  lines: readonly string[],
  at: number,
  amountText: string,
): { bureau: string; lines: number[] } | null {
  const line = lines[at]!;
  const pos = line.indexOf(amountText);
  if (pos < 0 || !amountText) return null;
  const rest = tidy(stripExtension(line.slice(pos + amountText.length)));
  if (!rest) return null;
  let n = at + 1;
  while (n < lines.length && isBlank(lines[n])) n++;
  const next = n < lines.length ? tidy(stripExtension(lines[n]!)) : '';
  const runsOn = /(局|部|官房)$/u.test(rest) || /^・/u.test(next) || /・$/u.test(rest);
  if (runsOn && next && (isBureauLine(next, false) || isBureauFragment(next)))
    return { bureau: joinBureauParts([rest, next]), lines: [at, n] };
  return isBureauLine(rest, false) ? { bureau: rest, lines: [at] } : null;
}

/** A line of a division block: a bureau or division name (with or without its extension), an extension alone, a broken name. */
function divisionPart(line: string): string | null {
  const t = tidy(foldWidth(line));
  // an extension alone, or glued before the amount line: `（内線2829）令和６年度補正予算案 6.2億円`
  if (/^[(（]\s*[内內]線/u.test(t))
    return EXTENSION_ONLY.test(t) || /^[(（]\s*[内內]線[^)）]*[)）]\s*\S/u.test(t) ? '' : null;
  const name = stripExtension(t).replace(/[、,]$/u, '');
  if (isBureauLine(name, false) || isBureauFragment(name)) return name;
  // a division name before the budget label or a 施策名 label on the same line is read elsewhere
  return null;
}

/**
 * A division's name printed at the end of a line after other text, above its
 * extension or the rest of its name: after a group label
 * (`…（UHC）推進】 大臣官房国際課`, `…支援】 大臣官房厚生科学課国立高度専門` / `医療研究センター支援室`)
 * or after an account note (`※労働特会（災） 24億円 労働基準局監督課`). `below` is the
 * name part read from the line below; `joined` says the tail is its first part.
 */
function trailingName(line: string, below: string): { name: string; joined: boolean } | null {
  const t = tidy(foldWidth(line));
  const tail = (
    t.includes('】') ? t.slice(t.lastIndexOf('】') + 1) : (t.split(/\s+/u).pop() ?? '')
  ).trim();
  if (tail !== '' && tail !== t && isBureauLine(tail)) return { name: tail, joined: false };
  // the name's first part (`大臣官房厚生科学課国立高度専門`, `医政局特定医薬品開発支援`), alone or after other text
  // (a first part names its bureau: it holds 局 or 官房)
  for (const head of new Set([tail, t]))
    if (/局|官房/u.test(head) && below && isBureauLine(head + below))
      return { name: head + below, joined: true };
  return null;
}

/**
 * The division block printed with an extension number in lines[start..end]:
 * the lines around the first line that carries an extension, as long as
 * each is a bureau or division name, an extension alone or a broken name
 * (one blank line between them allowed). Returns the joined names and their lines.
 */
function divisionBlock(
  lines: readonly string[],
  start: number,
  end: number,
): { bureau: string; lines: number[] } | null {
  for (let i = start; i <= end; i++) {
    if (!hasExtension(lines[i]!)) continue;
    const own =
      divisionPart(lines[i]!) ??
      (/^\s*[(（]\s*[内內]線[^)）]*[)）]/u.test(foldWidth(lines[i]!)) ? '' : null);
    const beforeExt = lines[i]!.split(/[(（]+\s*内線/u)[0]!;
    const first =
      own ??
      (beforeExt.trim() && isBureauLine(beforeExt, false) ? stripExtension(tidy(beforeExt)) : null);
    if (first === null) continue;
    const taken = [i];
    const parts = [first];
    // upwards: the bureau, or the name's first part, on the line(s) above
    for (let j = i - 1, blanks = 0; j >= start && j >= i - 4; j--) {
      if (isBlank(lines[j])) {
        if (++blanks > 1) break;
        continue;
      }
      const part = divisionPart(lines[j]!);
      if (part === null || hasExtension(lines[j]!)) {
        const tail = part === null ? trailingName(lines[j]!, parts[0]!) : null;
        if (tail !== null) {
          if (tail.joined) parts[0] = tail.name;
          else parts.unshift(tail.name);
          taken.unshift(j);
        }
        break;
      }
      parts.unshift(part);
      taken.unshift(j);
      blanks = 0;
    }
    // downwards: more divisions, each with or without its extension
    for (let j = i + 1, blanks = 0; j <= end && j <= i + 6; j++) {
      if (isBlank(lines[j])) {
        if (++blanks > 1) break;
        continue;
      }
      const part = divisionPart(lines[j]!);
      if (part === null) break;
      parts.push(part);
      taken.push(j);
      blanks = 0;
    }
    const bureau = joinBureauParts(parts);
    if (bureau) return { bureau, lines: taken };
  }
  return null;
}

export function readBureaus(doc: DocText, placed: readonly Placed[]): WithBureau[] {
  const { lines } = doc;
  const mains = placed.map((d) => {
    if (d.parentIndex !== null) return { ...d, bureau: null as string | null };
    let bureau = d.headerBureau;
    let header = d.header;
    if (!bureau) {
      const after = bureauAfterAmount(lines, d.anchor.figureLine, d.anchor.amount.text);
      if (after) {
        bureau = after.bureau;
        header = new Set([...d.header, ...after.lines]);
      }
    }
    // a request-style header names its bureau above the amount, or right below it
    if (!bureau) {
      const found = d.headerAbove
        ? divisionBlock(lines, d.anchor.figureLine + 1, Math.min(d.end, d.anchor.figureLine + 4))
        : divisionBlock(lines, d.start, d.end);
      if (found) {
        bureau = found.bureau;
        header = new Set([...d.header, ...found.lines]);
      }
    }
    return { ...d, header, bureau };
  });
  return mains.map((d) =>
    d.parentIndex === null ? d : { ...d, bureau: mains[d.parentIndex]!.bureau },
  );
}
