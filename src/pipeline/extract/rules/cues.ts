/**
 * What a block of text says, as evidence for the section it belongs to.
 * The cues are the documents' own conventions of Japanese administrative
 * writing, counted per sentence by how the sentence ends, plus a few words:
 *
 * - purpose (目的): why — background in the progressive or passive
 *   (`…が課題となっている。` `…が指摘されている。`), need (`…必要がある。` `…が重要。`),
 *   aim (`…を目的とする。` `…を図る。` `…を目指す。`)
 * - overview (概要): what is done — `…を実施する。` `…を行う。` `…を補助する。`
 *   `…を作成する。`, noun endings of an item (`…の実施` `…の開催`)
 * - scheme (スキーム): who carries it out, who pays whom and how much —
 *   `実施主体：` `補助率` `１／２` `定額` `委託` `交付` `万円` and the bodies
 *   (`都道府県` `民間団体`)
 * - outcome (成果): effects and targets — `…が図られる。` `…ことができる。`
 *   `…可能となる。` `…に寄与する。` `…が期待される。` `…を見込む。` and 実績 figures
 *
 * The endings were chosen by reading the documents; how often each one
 * closes a sentence of each section in the hand-checked references is what
 * its weight reflects (scripts/dev/cuestats.tmp.ts prints those counts).
 */
import { foldWidth } from '../../../lib/normalise.ts';
import type { SectionKind } from './section-kinds.ts';

export type CueScores = Record<SectionKind, number>;

interface Cue {
  kind: SectionKind;
  re: RegExp;
  weight: number;
}

/** Sentence endings (matched against the sentence without 。, a final （…） or 等). */
const ENDINGS: readonly Cue[] = [
  // purpose: aim
  {
    kind: 'purpose',
    re: /(?:を目的と(?:する|している)|ことを目的|を目指す|を目指している)$/u,
    weight: 2.5,
  },
  {
    kind: 'purpose',
    re: /(?:を図る|を図ります|を推進する|に取り組む|に対応する|を強化する)$/u,
    weight: 1.2,
  },
  // purpose: need and background
  {
    kind: 'purpose',
    re: /(?:必要がある|必要である|必要となっている|が必要|が重要|重要である|ことが重要|不可欠である|不可欠|急務である|急務|求められる|求められている)$/u,
    weight: 2,
  },
  {
    kind: 'purpose',
    re: /(?:ている|ていく|てきた|ところ|された|れた|した|である|がある|ない|いない|予定)$/u,
    weight: 1.2,
  },
  // overview: what is done
  {
    kind: 'overview',
    re: /(?:を実施する|を実施|を行う|を行うもの|するもの|を補助する|を支援する|を助成する|を支給する|を作成する|を育成する|を整備する|を開催する|を構築する|を配置する|を設置する|を運営する|を提供する|を創設する|を改修する|を開発する|を導入する|を要求する|を講じる|を進める|を拡充する|を委託する|を検討する)$/u,
    weight: 1.5,
  },
  {
    kind: 'overview',
    re: /(?:の実施|の開催|の作成|の整備|の構築|の強化|の推進|の支援|の導入|の促進|の効率化|等の実施)$/u,
    weight: 1,
  },
  // outcome: effects
  {
    kind: 'outcome',
    re: /(?:が図られる|図られる|ことができる|ができる|できる|可能となる|可能になる|となる|に寄与する|に資する|に資することができる|が期待される|期待される|期待できる|を見込む|見込まれる|が見込まれる|につながる|につなげる|に繋げる|に繋がる|が促進される|促進される|が向上する|が実現する|を実現する|効果がある|が確保される|が推進される|が強化される|が改善される|が整備される)$/u,
    weight: 2.2,
  },
  {
    kind: 'outcome',
    re: /(?:を確保する|の確保|の向上|の実現|の改善|の軽減|の解消)$/u,
    weight: 0.8,
  },
];

/** Words anywhere in a block (each counted at most three times). */
const WORDS: readonly Cue[] = [
  { kind: 'purpose', re: /ためには|観点から|背景|現状|近年|課題|指摘|懸念|喫緊/gu, weight: 0.6 },
  { kind: 'overview', re: /具体的には|以下の|事業内容|支援内容/gu, weight: 0.6 },
  {
    kind: 'scheme',
    re: /実施主体|事業主体|補助率|負担割合|補助先|委託先|交付先|拠出先|補助対象|対象経費|補助基準額|補助単価|助成率|助成上限|実施対象|補助の対象|委託費|定額|国庫|[\d]+\s*[/／]\s*[\d]+|→|⇒|委託|交付申請|交付決定|実績報告|[\d,.]+\s*(?:万|千)円|民間団体|都道府県|市町村|指定都市|中核市/gu,
    weight: 0.8,
  },
  {
    kind: 'outcome',
    re: /効果|成果|実績|目標|[\d,]+\s*(?:件|人|名|か所|箇所|団体|自治体|施設|事業所|機関)|令和\d+年度(?:まで|末)に/gu,
    weight: 0.7,
  },
];

/** Sentences of a block: lines joined (a list item keeps its own line), split after 。. */
function sentences(text: string): string[] {
  return text
    .replace(/\n(?![○◯●・•※◆■□➢▶①-⑳])/gu, '')
    .split(/(?<=。)|\n/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A sentence without its full stop, a final note in brackets, or a final 等. */
function sentenceCore(s: string): string {
  return s
    .replace(/[。．.]$/u, '')
    .replace(/[（(][^（）()]*[)）]$/u, '')
    .replace(/\s*等$/u, '')
    .trim();
}

/** Requirement lines, the scheme's own form: `実施主体：…`, `【補助率】 …`, `◆補助率：定額`. */
const REQUIREMENT =
  /(?:^|\n)\s*[-]?\s*[【［◆○●■・•]?\s*(?:実施主体|事業実施主体|補助実施主体|補助率|負担割合|補助先|委託先|拠出先|対象者|補助の対象|対象経費|補助基準額|助成率|実施対象)\s*(?:[】］]|[:：])/gu;

/** Does a text open with a requirement label (`【実施主体】…`, `実施主体：…`, `補助率：…`)? */
export function startsWithRequirement(text: string): boolean {
  const t = foldWidth(text);
  REQUIREMENT.lastIndex = 0;
  const m = REQUIREMENT.exec(t);
  REQUIREMENT.lastIndex = 0;
  return m !== null && m.index === 0;
}

/** The cue features of a block, by name: how many sentences end each way, how many cue words. */
export type CueFeatures = Record<string, number>;

const ENDING_NAMES = [
  'p.aim',
  'p.act',
  'p.need',
  'p.bg',
  'o.do',
  'o.noun',
  'oc.effect',
  'oc.weak',
] as const;
/** A paragraph that opens by saying it details what is done: `具体的には、…`, `具体的な取組として…`. */
const DETAIL_OPENER = /^\s*(?:[○◯・]\s*)?(?:具体的には|具体的な(?:取組|内容|事業)として)/u;
const WORD_NAMES = ['w.p', 'w.o', 'w.s', 'w.oc'] as const;

/** Named counts of the cues in a block (see ENDINGS, WORDS, REQUIREMENT). */
export function cueFeatures(text: string): CueFeatures {
  const t = foldWidth(text);
  const out: CueFeatures = {};
  const add = (k: string, n: number) => {
    if (n) out[k] = (out[k] ?? 0) + n;
  };
  for (const s of sentences(t)) {
    if (/^※/u.test(s)) continue;
    const core = sentenceCore(s);
    ENDINGS.forEach((c, i) => add(ENDING_NAMES[i]!, c.re.test(core) ? 1 : 0));
  }
  WORDS.forEach((c, i) => add(WORD_NAMES[i]!, Math.min(3, (t.match(c.re) ?? []).length)));
  add('req', Math.min(3, (t.match(REQUIREMENT) ?? []).length));
  add('o.detail', DETAIL_OPENER.test(t) ? 1 : 0);
  return out;
}

/** Cue scores of a block of text: higher is stronger evidence for that section. */
export function cueScores(text: string): CueScores {
  const t = foldWidth(text);
  const out: CueScores = { purpose: 0, overview: 0, scheme: 0, outcome: 0 };
  for (const s of sentences(t)) {
    // a note (`※人件費に充てることが可能`) qualifies its text; it does not say what the text is
    if (/^※/u.test(s)) continue;
    const core = sentenceCore(s);
    for (const kind of ['purpose', 'overview', 'outcome'] as const) {
      // the strongest ending of each section counts once per sentence
      const w = Math.max(
        0,
        ...ENDINGS.filter((c) => c.kind === kind && c.re.test(core)).map((c) => c.weight),
      );
      out[kind] += w;
    }
  }
  for (const c of WORDS) out[c.kind] += c.weight * Math.min(3, (t.match(c.re) ?? []).length);
  out.scheme += 2 * Math.min(3, (t.match(REQUIREMENT) ?? []).length);
  return out;
}
