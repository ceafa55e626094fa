/**
 * Chart colours, the only colour literals outside src/styles/tokens.css: the
 * SVG is drawn at build time and its colours go into fill and stroke
 * attributes, which take plain colour values, not var(). The ones that
 * repeat a token are checked against tokens.css by test/unit/styles.test.ts.
 *
 * Dark tones of the Okabe–Ito colour-blind-safe palette, each with at least
 * 4.5:1 contrast to white (so white labels on them are text
 * AA and the shapes are ≥ 3:1 against the page). Colour is never the only
 * carrier of information: every shape has a label or a row in the data table.
 */
export const PALETTE = ['#005a8c', '#a8470a', '#00664a', '#6e3f7e', '#4d4d4d', '#7a5c00'] as const;

/** The highlight (this measure) and the rest, for single stacked bars. */
export const HIGHLIGHT = '#a8470a';
export const MUTED = '#d0d5db';
/** Text and axis lines (the page's --text). */
export const INK = '#1b1b1b';
/** Labels and hatch lines drawn on a coloured fill (the page's --on-dark). */
export const ON_FILL = '#fff';
/** Grid lines behind the bars (the page's --line). */
export const GRID = '#c9ced4';
/** The outline of the whole in a share bar (the palette's grey). */
export const OUTLINE = '#4d4d4d';

export function colour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
