/**
 * Text clean-up of PDF-extracted lines into readable plain text: lines broken
 * in the middle of a sentence are joined, vertical text printed one character
 * per line is joined, letter-spaced words are collapsed, Markdown debris and
 * page numbers are dropped. Paragraphs are separated by a blank line; list
 * items (○, ・, ①, (1), ➢, ※, →) keep a line of their own.
 */
import { collapseLetterSpacing, foldWidth } from '../../../lib/normalise.ts';
import { isBoxName, isDebrisLine } from './debris.ts';

/** Markers that start a list item or a note. */
export const BULLET =
  /^(?:[○◯●◎・･※➢▶■□◆◇→⇒✓✔]|[①-⑳]|[ⅰ-ⅹⅠ-Ⅹ]\s|[(（][\d０-９]{1,2}[)）]|[\d０-９]{1,2}[.．)）]\s?|[ア-ン][.．)）\s]|【)/u;

function isBulletStart(s: string): boolean {
  return BULLET.test(s);
}

/** Does a line end so that the next line continues the same sentence? */
function continues(prev: string, next: string): boolean {
  if (isBulletStart(next)) return false;
  // a diagram box's label (`厚生労働省`, `事業所等`) is a line of its own
  if (isBoxName(prev) || isBoxName(next)) return false;
  if (/[。！？!?：:】＞>」』]$/u.test(prev)) return false;
  return true;
}

function joinPair(a: string, b: string): string {
  const left = foldWidth(a.slice(-1));
  const right = foldWidth(b.slice(0, 1));
  const latin = /[A-Za-z0-9]/u;
  return latin.test(left) && latin.test(right) ? `${a} ${b}` : a + b;
}

/** Join runs of single-character lines (vertical text) into one line. */
export function joinVertical(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const l of lines) {
    const t = l.trim();
    if ([...t].length === 1 && !/[\d]/u.test(t)) run.push(t);
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

/** A line of a Markdown table: it opens or closes with a cell border. */
const TABLE_ROW = /^\s*\||\|\s*$/u;

/** One printed line, tidied: letter spacing collapsed, Markdown list/emphasis/table debris removed. */
export function cleanLine(line: string): string {
  let t = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/gu, ' ');
  t = t.replace(/\*\*/g, '').replace(/^\s*#{1,6}\s+/u, '');
  t = t.replace(/^\s*[-*]\s+(?=\S)/u, ''); // Markdown list marker left by the text extraction
  // a Markdown table row left by the text extraction (`| 健康診査 | 32.5億円 |`, or a row broken
  // over lines): its cell borders go; a | printed inside a sentence stays
  if (TABLE_ROW.test(t))
    t = t
      .replace(/^\s*\|/u, '')
      .replace(/\|\s*$/u, '')
      .replace(/\s*\|\s*/gu, ' ');
  t = t.replace(/<\/?(?:ul|li|br|p)\b[^>]*>/giu, ' ');
  t = collapseLetterSpacing(t).replace(/\s+/gu, ' ').trim();
  return t;
}

/**
 * Clean a block of printed lines into plain text. Blank lines in the source
 * separate paragraphs only where the previous text ended a sentence; elsewhere
 * they are layout gaps inside a sentence.
 */
export function cleanText(lines: readonly string[]): string {
  const paras: string[][] = [];
  let cur: string[] = [];
  let gap = false;
  for (const raw of joinVertical(lines)) {
    if (isDebrisLine(raw)) continue;
    const t = cleanLine(raw);
    if (t === '') {
      gap = true;
      continue;
    }
    const last = cur[cur.length - 1];
    if (last === undefined) cur.push(t);
    else if (continues(last, t) && !(gap && isBulletStart(last)))
      cur[cur.length - 1] = joinPair(last, t);
    else if (gap && !isBulletStart(t)) {
      paras.push(cur);
      cur = [t];
    } else cur.push(t);
    gap = false;
  }
  if (cur.length) paras.push(cur);
  return paras
    .map((p) => p.join('\n'))
    .join('\n\n')
    .trim();
}
