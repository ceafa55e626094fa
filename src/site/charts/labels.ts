/**
 * SVG text does not wrap by itself: labels are broken into lines at phrase
 * boundaries (BudouX phrases, passed in), measured with a width estimate
 * (full-width characters 1 em, others about 0.6 em), and dropped when they
 * do not fit.
 */

/** Estimated width of a text at a font size (px). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u0000-\u00ff\uff61-\uff9f]/u.test(ch) ? 0.6 : 1;
  return em * fontSize;
}

/**
 * Lines of at most `maxWidth`, breaking between phrases (a phrase longer than
 * a line is cut by characters). Null when the text needs more than
 * `maxLines` lines; with `ellipsis`, the last line is cut with … instead.
 */
export function wrapLabel(
  text: string,
  opts: {
    maxWidth: number;
    fontSize: number;
    maxLines: number;
    phrases: (s: string) => string[];
    ellipsis?: boolean;
  },
): string[] | null {
  const { maxWidth, fontSize, maxLines } = opts;
  if (maxWidth < fontSize) return null;
  const pieces: string[] = [];
  for (const p of opts.phrases(text)) {
    if (textWidth(p, fontSize) <= maxWidth) pieces.push(p);
    else {
      let cur = '';
      for (const ch of p) {
        if (textWidth(cur + ch, fontSize) > maxWidth) {
          pieces.push(cur);
          cur = ch;
        } else cur += ch;
      }
      if (cur) pieces.push(cur);
    }
  }
  const lines: string[] = [];
  for (const p of pieces) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(last + p, fontSize) <= maxWidth)
      lines[lines.length - 1] = last + p;
    else lines.push(p);
  }
  if (lines.length <= maxLines) return lines;
  if (!opts.ellipsis) return null;
  const kept = lines.slice(0, maxLines);
  let lastLine = kept[maxLines - 1]!;
  while (lastLine && textWidth(`${lastLine}…`, fontSize) > maxWidth)
    lastLine = [...lastLine].slice(0, -1).join('');
  kept[maxLines - 1] = `${lastLine}…`;
  return kept;
}
