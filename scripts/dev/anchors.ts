// Developer aid: print the anchors found in one source document.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { findAnchors } from '../../src/pipeline/extract/steps/find-anchors.ts';
const metaFile = process.argv[2]!;
const meta = parse(readFileSync(metaFile, 'utf8'));
const lines = readFileSync(metaFile.replace(/\.meta\.yaml$/, '.txt'), 'utf8').split('\n');
const { anchors, mentions } = findAnchors(lines, meta.budgets);
for (const a of anchors)
  console.log(
    a.line + 1,
    a.figureLine + 1,
    a.placement,
    a.amount.kind,
    a.amount.yen,
    a.amount.prior_yen,
    JSON.stringify(a.amount.text),
    a.columnTitle ?? '',
    '|',
    a.prefix.slice(0, 30),
  );
for (const m of mentions) console.log('MENTION', m.line, m.text.slice(0, 80));
