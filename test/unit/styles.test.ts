import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GRID, INK, ON_FILL } from '../../src/site/charts/palette.ts';

const ROOT = join(import.meta.dirname, '../..');
const STYLES = join(ROOT, 'src/styles');
const LAYERS = ['tokens', 'base', 'layout', 'components', 'utilities', 'reading-aids', 'print'];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
const rel = (f: string) => relative(ROOT, f);

/** Every stylesheet the site is built from: src/styles/*.css and each <style> block of src/**\/*.astro. */
const sheets: { name: string; css: string }[] = [
  ...walk(STYLES)
    .filter((f) => f.endsWith('.css'))
    .map((f) => ({ name: rel(f), css: readFileSync(f, 'utf8') })),
  ...walk(join(ROOT, 'src'))
    .filter((f) => f.endsWith('.astro'))
    .flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => ({
        name: `${rel(f)} <style>`,
        css: m[1]!,
      })),
    ),
];

/** CSS without comments, and with strings emptied (so that `content: '›'` or a URL cannot look like a colour or a brace). */
const bare = (css: string) =>
  css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/'[^'\n]*'|"[^"\n]*"/g, "''");

/** The statements of a sheet: preludes (before `{`) and declarations or at-statements (before `;` or `}`), with their nesting. */
interface Piece {
  text: string;
  kind: 'block' | 'statement';
  /** The preludes of the blocks around it, outermost first. */
  within: string[];
}
function pieces(css: string): Piece[] {
  const out: Piece[] = [];
  const stack: string[] = [];
  let buf = '';
  for (const ch of bare(css)) {
    if (ch === '{') {
      out.push({ text: buf.trim(), kind: 'block', within: [...stack] });
      stack.push(buf.trim());
      buf = '';
    } else if (ch === ';' || ch === '}') {
      if (buf.trim()) out.push({ text: buf.trim(), kind: 'statement', within: [...stack] });
      if (ch === '}') stack.pop();
      buf = '';
    } else buf += ch;
  }
  if (buf.trim()) out.push({ text: buf.trim(), kind: 'statement', within: [...stack] });
  return out;
}

// CSS Color 4 named colours (transparent and currentColor are allowed: they name no colour)
const NAMED =
  'aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen';
const COLOUR_LITERAL = new RegExp(
  `#[0-9a-f]{3,8}(?![\\w-])|\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(|(?<![\\w-])(?:${NAMED.split(' ').join('|')})(?![\\w-])`,
  'i',
);

/** Colour literals in the declarations of a sheet (selectors such as #search-app are not values). */
const colourLiterals = (css: string) =>
  pieces(css)
    .filter((p) => p.kind === 'statement' && !p.text.startsWith('@') && p.text.includes(':'))
    .map((p) => p.text.replace(/\s+/g, ' '))
    .filter((d) => COLOUR_LITERAL.test(d.slice(d.indexOf(':') + 1)));

describe('stylesheets', () => {
  it('finds the stylesheets', () => {
    expect(sheets.map((s) => s.name)).toContain('src/styles/layers.css');
    expect(sheets.map((s) => s.name)).toContain('src/styles/tokens.css');
    expect(sheets.length).toBeGreaterThan(5);
  });

  it('writes colours only in tokens.css; everything else uses var(--token)', () => {
    const found = sheets
      .filter((s) => s.name !== 'src/styles/tokens.css')
      .flatMap((s) => colourLiterals(s.css).map((d) => `${s.name}: ${d}`));
    expect(found).toEqual([]);
  });

  it('tokens.css holds only custom properties on :root (and color-scheme), each colour a literal', () => {
    const tokens = pieces(readFileSync(join(STYLES, 'tokens.css'), 'utf8')).filter(
      (p) => p.kind === 'statement',
    );
    expect(tokens.length).toBeGreaterThan(5);
    for (const t of tokens) {
      expect(t.within, t.text).toEqual(['@layer tokens', ':root']);
      expect(t.text, t.text).toMatch(/^--[a-z-]+\s*:\s*#[0-9a-f]{3,8}$|^color-scheme\s*:/i);
    }
  });

  it('catches a colour literal (the check itself)', () => {
    expect(colourLiterals('.a { color: #fff; }')).toHaveLength(1);
    expect(colourLiterals('.a { border: 1px solid rgb(0 0 0); }')).toHaveLength(1);
    expect(colourLiterals('.a { background: white; }')).toHaveLength(1);
    expect(
      colourLiterals(
        '#search-app { color: var(--text); white-space: nowrap; background: transparent; }',
      ),
    ).toEqual([]);
    expect(colourLiterals(".a::before { content: '#fff red'; }")).toEqual([]);
  });

  it('layers.css declares the layer order once, and nothing else', () => {
    const layers = pieces(readFileSync(join(STYLES, 'layers.css'), 'utf8'));
    expect(layers).toHaveLength(1);
    expect(layers[0]!.kind).toBe('statement');
    expect(layers[0]!.text.replace(/^@layer\s+/, '').split(/\s*,\s*/)).toEqual(LAYERS);
    const elsewhere = sheets.filter(
      (s) =>
        s.name !== 'src/styles/layers.css' &&
        pieces(s.css).some((p) => p.kind === 'statement' && /^@layer\b/.test(p.text)),
    );
    expect(elsewhere.map((s) => s.name)).toEqual([]);
  });

  it('puts every rule of every other sheet inside one of the declared layers', () => {
    for (const s of sheets.filter((x) => x.name !== 'src/styles/layers.css')) {
      for (const p of pieces(s.css)) {
        if (p.within.length === 0) {
          // at the top level: a layer block, or (in a component) the import of the layer order
          if (p.kind === 'block')
            expect(
              LAYERS.map((l) => `@layer ${l}`),
              `${s.name}: ${p.text}`,
            ).toContain(p.text.replace(/\s+/g, ' '));
          else expect(p.text, `${s.name}: ${p.text}`).toMatch(/^@import ''$/);
        }
      }
    }
  });

  it("imports the layer order first in a component's <style>, whose file may be linked before the global ones", () => {
    for (const f of walk(join(ROOT, 'src')).filter((x) => x.endsWith('.astro'))) {
      for (const [, css] of readFileSync(f, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        const first = css!
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .trim()
          .split(';')[0]!;
        expect(first, rel(f)).toMatch(/^@import '(?:\.\.\/)+styles\/layers\.css'$/);
      }
    }
  });

  it('keeps every <style> of a component scoped (global rules live in src/styles)', () => {
    for (const f of walk(join(ROOT, 'src')).filter((x) => x.endsWith('.astro'))) {
      expect(readFileSync(f, 'utf8'), rel(f)).not.toMatch(/<style[^>]*is:(?:global|inline)/);
    }
  });

  it('writes no colour literal in the code either, except the chart palette', () => {
    const palette = 'src/site/charts/palette.ts';
    const found = walk(join(ROOT, 'src'))
      .filter((f) => /\.(?:ts|astro|mjs|js)$/.test(f) && rel(f) !== palette)
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${rel(f)}:${i + 1}` }))
          // a quoted hex colour, as an SVG attribute or a string
          .filter(({ line }) => /["'`]#[0-9a-f]{3,8}["'`]/i.test(line))
          .map(({ at, line }) => `${at}: ${line.trim()}`),
      );
    expect(found).toEqual([]);
  });

  it('gives the chart colours that repeat a token the same value', () => {
    const tokens = Object.fromEntries(
      [
        ...readFileSync(join(STYLES, 'tokens.css'), 'utf8').matchAll(/(--[a-z-]+)\s*:\s*([^;]+);/g),
      ].map((m) => [m[1], m[2]!.trim()]),
    );
    expect({ INK, ON_FILL, GRID }).toEqual({
      INK: tokens['--text'],
      ON_FILL: tokens['--on-dark'],
      GRID: tokens['--line'],
    });
  });
});
