/**
 * A small CSV writer for the browser, with the output of csv-stringify under the options of the
 * site's CSVs (src/lib/open-data.ts, data/charts/*.csv: `bom`, `escape_formulas`): UTF-8 BOM,
 * fields quoted when they hold a comma, a quote or a line break (quotes doubled, RFC 4180),
 * records ending in LF, null as an empty field. Document text is untrusted: a text field starting
 * with = + - @ (or their full-width forms, a tab or CR) gets a leading ' so that spreadsheets do
 * not run it as a formula; numbers are written as they are (a negative number is not a formula).
 * csv-stringify itself would bring a Buffer polyfill into the page; test/unit/csv-text.test.ts
 * holds the two to the same bytes.
 */

export type CsvValue = string | number | null;

const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']);

/** One field: escaped against formulas (text only), quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value === '') return '';
  const text = FORMULA_START.has(value[0]!) ? `'${value}` : value;
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The whole file: BOM, the header row, then one line per row. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => `${r.map(csvField).join(',')}\n`).join('')}`;
}
