/**
 * Display forms of a printed line: letter spacing collapsed, the Markdown
 * emphasis and heading marks the PDF-to-text step left removed.
 */
import { collapseLetterSpacing } from '../../../lib/normalise.ts';

/** Remove Markdown emphasis and heading marks the PDF-to-text step left: `**推進枠**`, `## …`. */
export function stripMarkup(s: string): string {
  return s.replace(/\*\*/g, '').replace(/^#+\s*/u, '');
}

/** A printed line for display: letter spacing collapsed, markup and outer spaces removed. */
export function tidy(s: string): string {
  return collapseLetterSpacing(stripMarkup(s)).replace(/\s+/gu, ' ').trim();
}

/** Latin letters printed letter-spaced, joined: `における I C T化` → `におけるICT化`. */
export function joinLetterSpaced(s: string): string {
  return s.replace(
    /\s*\b((?:[A-Za-zＡ-Ｚａ-ｚ] ){1,}[A-Za-zＡ-Ｚａ-ｚ])\b\s*/gu,
    (_, run: string) => run.replace(/ /gu, ''),
  );
}
