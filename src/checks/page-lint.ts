/**
 * Page lint: what a reader of a measure page must never see. Each rule
 * names one way a page can mislead — layout debris in a section, a name that
 * is not a name, a fact marked missing although the page states it — and
 * returns the pages that break it. Pure: the views of the built pages in,
 * problems out (test/site/page-lint.test.ts runs it over every built page).
 */
import { foldWidth, titleKey } from '../lib/normalise.ts';
import type { MeasureRecord } from '../schemas/measure.ts';
import { isBureauLine, isDivisionLine } from '../pipeline/extract/rules/bureau.ts';
import { EXTENSION_ONLY } from '../pipeline/extract/rules/extension.ts';
import { isBoxRow, isFlowStepLabel } from '../pipeline/extract/rules/debris.ts';
import { COMMON_HEADINGS, readHeadings } from '../pipeline/extract/rules/headings.ts';
import { breaksOff, isSubName } from '../pipeline/extract/rules/titles.ts';
import { parseFigure } from '../pipeline/extract/rules/amounts.ts';

/** What a built measure page shows. */
export interface PageView {
  id: string;
  document: string;
  /** The page's `<h1>`. */
  h1: string;
  /** The sections as shown: 目的, 概要・スキーム, 成果 (one string each, lines kept). */
  sections: { purpose: string; body: string; outcome: string };
  /** The card's facts as shown; null where the card says 資料に記載がありません. */
  facts: { implementer: string | null; rate: string | null };
  /** The page says that other measures of its document share its name, and what tells them apart. */
  namesakeNote: boolean;
}

export interface LintProblem {
  rule: string;
  id: string;
  detail: string;
}

interface Rule {
  name: string;
  /** One line: what the rule forbids. */
  description: string;
  check(page: PageView, context: LintContext): string[];
}

interface LintContext {
  record(id: string): MeasureRecord | undefined;
  /** Pages of the same document sharing this page's h1. */
  namesakes(page: PageView): PageView[];
}

const sectionLines = (p: PageView) =>
  Object.values(p.sections)
    .join('\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && l !== '資料に記載がありません。');

/** A label and a value: `実施主体：都道府県`, `【補助率】 国１／２`. */
const STATED = {
  implementer:
    /(?:事業)?実[^\S\n]?施[^\S\n]?主[^\S\n]?体(?:等)?[^\S\n]*(?:[:：]|[】］])[^\S\n]*[^\s【［:：]/u,
  rate: /(?:補[^\S\n]?助[^\S\n]?率|負[^\S\n]?担[^\S\n]?割[^\S\n]?合|助[^\S\n]?成[^\S\n]?率)[^\S\n]*(?:[:：]|[】］])?[^\S\n]*[国定\d０-９]/u,
};
/** How a sentence or a clause ends (a name does not). */
const PREDICATE = /(?:する|した|される|された|している|である|となる|なる|できる|ある|いる|ない)$/u;

export const RULES: readonly Rule[] = [
  {
    name: 'heading-in-section',
    description: 'a section heading label shown as section text',
    check: (p) =>
      sectionLines(p).filter((l) =>
        (readHeadings(l, COMMON_HEADINGS)?.headings ?? []).some((h) => !h.keepLabel),
      ),
  },
  {
    name: 'division-in-section',
    description: 'the responsible division or an extension number shown as section text',
    check: (p) =>
      sectionLines(p).filter(
        (l) =>
          isDivisionLine(l) ||
          EXTENSION_ONLY.test(foldWidth(l)) ||
          /[内內]線\s*[\d０-９（(]/u.test(l),
      ),
  },
  {
    name: 'flow-step-in-section',
    description: "a flow diagram's step label shown as section text",
    check: (p) => sectionLines(p).filter((l) => isFlowStepLabel(l)),
  },
  {
    name: 'box-row-in-section',
    description:
      "a row of a diagram's box names shown as section text (`都 道 府 県厚 生 労 働 省 医 療 機 関`)",
    check: (p) => sectionLines(p).filter((l) => isBoxRow(l) && /\s/u.test(l.trim())),
  },
  {
    name: 'shared-h1',
    description:
      'two pages of one document with the same <h1>, without a note saying what tells them apart',
    check: (p, ctx) =>
      ctx.namesakes(p).length > 0 && !p.namesakeNote
        ? [
            `shares 「${p.h1}」 with ${ctx
              .namesakes(p)
              .map((o) => o.id)
              .join(', ')}`,
          ]
        : [],
  },
  {
    name: 'subtitle-not-a-sub-name',
    description: 'a subtitle that is not a sub-name (an extension number, a figure, a division)',
    check: (p, ctx) => {
      const s = ctx.record(p.id)?.subtitle;
      return s && !isSubName(s) ? [s] : [];
    },
  },
  {
    name: 'title-not-a-name',
    description: 'a page name that is a division, a footnote, a sentence or a fragment',
    check: (p) => {
      const t = foldWidth(p.h1).trim();
      if (isBureauLine(t, false)) return [`a division: ${p.h1}`];
      if (/^※/u.test(t)) return [`a footnote: ${p.h1}`];
      if (/。$/u.test(t) || PREDICATE.test(t)) return [`a sentence: ${p.h1}`];
      if (breaksOff(t) || /…$/u.test(t)) return [`a fragment: ${p.h1}`];
      return [];
    },
  },
  {
    name: 'fact-missing',
    description:
      'the card says 資料に記載がありません for 実施主体 or 国の負担 while the page text states it',
    check: (p) => {
      const text = Object.values(p.sections).join('\n');
      const out: string[] = [];
      if (p.facts.implementer === null && STATED.implementer.test(foldWidth(text)))
        out.push(`実施主体: ${STATED.implementer.exec(foldWidth(text))![0]}`);
      if (p.facts.rate === null && STATED.rate.test(foldWidth(text)))
        out.push(`補助率: ${STATED.rate.exec(foldWidth(text))![0]}`);
      return out;
    },
  },
  {
    name: 'pot-mismatch',
    description: 'a 内数 measure filed under a parent whose amount is not the pot it names',
    check: (p, ctx) => {
      const r = ctx.record(p.id);
      if (!r || r.amount.kind !== 'part_of' || !r.parent || !r.amount.fund) return [];
      const parent = ctx.record(r.parent);
      const pot = parseFigure(r.amount.fund);
      if (!parent || pot === null || parent.amount.kind !== 'own') return [];
      // the measure names its parent (`認知症総合支援事業（地域支援事業）`, `…交付金（59億円）の内数`)
      const named = [r.amount.fund, r.subtitle ?? ''].some((s) =>
        titleKey(s).includes(titleKey(parent.title).slice(0, 6)),
      );
      return parent.amount.yen === pot || named
        ? []
        : [`names a pot of ${pot} yen, filed under ${parent.id} (${parent.amount.yen} yen)`];
    },
  },
];

export interface LintReport {
  /** Problems per rule, every rule listed (0 when clean). */
  counts: Record<string, number>;
  problems: LintProblem[];
}

export function lintPages(
  pages: readonly PageView[],
  records: readonly MeasureRecord[],
): LintReport {
  const byId = new Map(records.map((r) => [r.id, r]));
  const byH1 = new Map<string, PageView[]>();
  for (const p of pages) {
    const k = `${p.document}\u0000${titleKey(p.h1)}`;
    byH1.set(k, [...(byH1.get(k) ?? []), p]);
  }
  const ctx: LintContext = {
    record: (id) => byId.get(id),
    namesakes: (p) =>
      (byH1.get(`${p.document}\u0000${titleKey(p.h1)}`) ?? []).filter((o) => o.id !== p.id),
  };
  const problems: LintProblem[] = [];
  const counts: Record<string, number> = Object.fromEntries(RULES.map((r) => [r.name, 0]));
  for (const p of pages) {
    for (const rule of RULES) {
      for (const detail of rule.check(p, ctx)) {
        problems.push({ rule: rule.name, id: p.id, detail });
        counts[rule.name]! += 1;
      }
    }
  }
  return { counts, problems };
}

/** The view of a page from its record (what the page renders), for checks before a build. */
export function viewOfRecord(r: MeasureRecord, namesakeNote: boolean): PageView {
  return {
    id: r.id,
    document: r.source.document,
    h1: r.name,
    sections: {
      purpose: r.sections.purpose,
      body: [r.sections.overview, r.sections.scheme].filter(Boolean).join('\n'),
      outcome: r.sections.outcome,
    },
    facts: { implementer: r.details.implementer?.text ?? null, rate: r.details.rate?.text ?? null },
    namesakeNote,
  };
}
