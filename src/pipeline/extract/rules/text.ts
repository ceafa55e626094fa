/**
 * Display forms of a printed line: letter spacing collapsed, the Markdown
 * emphasis and heading marks the PDF-to-text step left removed.
 */
import { collapseLetterSpacing } from '../../../lib/normalize.ts';

/** Remove Markdown emphasis and heading marks the PDF-to-text step left: `**推進枠**`, `## …`. */
export function stripMarkup(s: string): string {
  return s.replace(/\*\*/g, '').replace(/^#+\s*/u, '');
}

/** A printed line for display: letter spacing collapsed, markup and outer spaces removed. */
export function tidy(s: string): string {
  return collapseLetterSpacing(stripMarkup(s)).replace(/\s+/gu, ' ').trim();
}
