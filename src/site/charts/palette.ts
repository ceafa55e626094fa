/**
 * Chart colours: dark tones of the Okabe–Ito colour-blind-safe palette, each
 * with at least 4.5:1 contrast to white (so white labels on them are text
 * AA and the shapes are ≥ 3:1 against the page). Colour is never the only
 * carrier of information: every shape has a label or a row in the data table.
 */
export const PALETTE = ['#005a8c', '#a8470a', '#00664a', '#6e3f7e', '#4d4d4d', '#7a5c00'] as const;

/** The highlight (this measure) and the rest, for single stacked bars. */
export const HIGHLIGHT = '#a8470a';
export const MUTED = '#d0d5db';
export const INK = '#1b1b1b';

export function colour(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length]!;
}
