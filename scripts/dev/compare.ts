// Developer aid: compare the extraction of one document with a reference JSONL file.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { extractDocument } from '../../src/pipeline/extract/index.ts';
const [metaFile, refFile] = process.argv.slice(2) as [string, string?];
const meta = parse(readFileSync(metaFile, 'utf8'));
const text = readFileSync(metaFile.replace(/\.meta\.yaml$/, '.txt'), 'utf8');
const r = extractDocument(text, meta);
const show = process.env.SHOW === '1';
if (show || !refFile)
  for (const m of r.measures)
    console.log(
      m.amount_line,
      m.title_line,
      JSON.stringify(m.title),
      m.subtitle ?? '',
      m.amount.yen,
      m.amount.prior_yen,
      m.amount.kind,
      m.bureau,
      m.tags.join(','),
      m.source.lines.join('-'),
      '|',
      m.sections.purpose.slice(0, 25).replace(/\n/g, ' '),
    );
if (refFile) {
  const refs = readFileSync(refFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  let found = 0,
    amt = 0,
    title = 0,
    bureau = 0,
    purpose = 0,
    prior = 0;
  for (const ref of refs) {
    const m = r.measures.find((m) =>
      ref.amount_line
        ? m.amount_line === ref.amount_line &&
          (m.title === ref.title ||
            r.measures.filter((x) => x.amount_line === ref.amount_line).length === 1)
        : m.title_line === ref.title_line,
    );
    if (!m) {
      console.log('MISSING', ref.amount_line, ref.title_line, ref.title);
      continue;
    }
    found++;
    if (m.amount.yen === ref.amount_yen && m.amount.kind === ref.amount_kind) amt++;
    else
      console.log(
        'AMOUNT',
        ref.amount_line,
        m.amount.yen,
        ref.amount_yen,
        m.amount.kind,
        ref.amount_kind,
      );
    if (m.amount.prior_yen === ref.prior_amount_yen) prior++;
    else console.log('PRIOR', ref.amount_line, m.amount.prior_yen, ref.prior_amount_yen);
    if (m.title === (ref.title ?? m.title)) title++;
    else
      console.log(
        'TITLE',
        ref.amount_line,
        JSON.stringify(m.title),
        JSON.stringify(ref.title),
        m.title_line,
        ref.title_line,
      );
    if ((m.bureau ?? null) === ref.bureau) bureau++;
    else console.log('BUREAU', ref.amount_line, m.bureau, '|', ref.bureau);
    const ps = (ref.purpose_start ?? '').replace(/\s/g, '').slice(0, 12);
    if (m.sections.purpose.replace(/\s/g, '').includes(ps)) purpose++;
    else
      console.log(
        'PURPOSE',
        ref.amount_line,
        JSON.stringify(m.sections.purpose.slice(0, 30)),
        '|',
        ref.purpose_start,
      );
  }
  console.log(
    `refs ${refs.length} found ${found} amount ${amt} prior ${prior} title ${title} bureau ${bureau} purpose ${purpose}; extracted ${r.measures.length}`,
  );
}
