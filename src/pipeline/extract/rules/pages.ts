/**
 * Page segmentation of PDF-extracted text. A PDF page usually begins with a
 * line that starts with exactly one space (in some documents also after three
 * blank lines); a line holding only a page number ends a page. Pages are approximate (diagram labels can also start with a
 * space), so callers treat them as hints, not as hard boundaries.
 */
import { foldWidth } from '../../../lib/normalise.ts';

export interface Page {
  /** 0-based index of the first line. */
  start: number;
  /** 0-based index of the last line (inclusive). */
  end: number;
}

export function isPageNumberLine(line: string): boolean {
  return /^\s*\d{1,3}\s*$/u.test(foldWidth(line));
}

export function isPageStartLine(line: string): boolean {
  return /^ [^\s]/u.test(line);
}

/** A line after three blank lines: where some pages begin without a leading space. */
export function followsGap(lines: readonly string[], i: number): boolean {
  return (
    i >= 3 &&
    lines[i]!.trim() !== '' &&
    lines[i - 1]!.trim() === '' &&
    lines[i - 2]!.trim() === '' &&
    lines[i - 3]!.trim() === ''
  );
}

/**
 * The pages of a text. `afterGaps`: a line after three blank lines starts a
 * page too (the free-form documents; elsewhere such gaps occur inside pages).
 */
export function splitPages(lines: readonly string[], afterGaps = false): Page[] {
  const starts = new Set<number>([0]);
  lines.forEach((line, i) => {
    if (i > 0 && isPageStartLine(line)) starts.add(i);
    if (afterGaps && followsGap(lines, i)) starts.add(i);
    if (isPageNumberLine(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      if (j < lines.length) starts.add(j);
    }
  });
  const sorted = [...starts].sort((a, b) => a - b);
  return sorted.map((start, k) => ({ start, end: (sorted[k + 1] ?? lines.length) - 1 }));
}

/**
 * The document's pages as a reader counts them in the PDF, for citing: one rule for every
 * document whose text keeps the page breaks (its family's pageBreaks). A page starts at a line
 * beginning with exactly one space that is not a list item (` - …`), and after a line holding
 * only a page number. Returns the 1-based line where each page starts; the first page starts
 * at line 1. It is an estimate: a diagram label that begins with a space starts a page too
 * early, so a page number can run a few pages ahead of the PDF's.
 */
export function pdfPageStarts(lines: readonly string[]): number[] {
  return splitPages(lines)
    .filter((p) => p.start === 0 || !LIST_ITEM.test(lines[p.start]!))
    .map((p) => p.start + 1);
}

/** A list item of the text's markup, indented: ` - …`, ` * …`, ` + …`. */
const LIST_ITEM = /^ [-*+] /u;

/** The 1-based page of a 1-based line, given pdfPageStarts. */
export function pageOfLine(starts: readonly number[], line: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Index of the page holding line i (pages sorted, covering every line). */
export function pageIndexOf(pages: readonly Page[], i: number): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The page holding line i. */
export function pageOf(pages: readonly Page[], i: number): Page {
  return pages[pageIndexOf(pages, i)]!;
}
