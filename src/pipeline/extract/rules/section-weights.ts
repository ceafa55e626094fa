/**
 * How much each kind of evidence counts when the blocks of a measure's page
 * are labelled with their sections (steps/read-sections.ts). Positive
 * weights are for, negative against. The names:
 *
 * - `cue.<cue>.<section>`: a sentence ending or cue word (rules/cues.ts:
 *   p.aim `…を目的とする`, p.act `…を図る`, p.need `…必要がある`, p.bg `…ている`,
 *   o.do `…を実施する`, o.noun `…の実施`, oc.effect `…が図られる`, oc.weak `…の確保`,
 *   w.* cue words, req `実施主体：` requirement lines, o.detail a paragraph opening
 *   `具体的には`) in a block of that section
 * - `bias.<section>`: any block in that section
 * - `single`: a block right after a single heading, in that heading's section
 * - `multi`: a block after a column of headings, in one of the column's sections
 * - `outside`: a block after a heading group, in a section the group does not name
 * - `tail`: a block after the amount block, in the family's tail section
 * - `afterBreak.<section>`, `lead.<section>`: a block after the amount block / before any heading, in that section
 * - `label.<section>`: a diagram label (short line, no sentence) in that section
 * - `opening`: the page's first paragraph, before any heading, in the family's lead section
 * - `beforeAmount`: the last paragraph before the amount block, in the family's section for it
 * - `unheaded`: a block in a section with no heading on the page (free-form pages)
 * - `inversion`: each section already used that comes after this one in the family's order of boxes
 * - `second`: a section's text in a second, separate run
 * - `cover`: the first block of a section a column of headings promises a box for
 * - `widthBreak` / `widthJoin`: one section across boxes of different width / a boundary inside one box
 * - `styleBreak` / `styleJoin`: one section across list items with different markers / a boundary between items with the same marker
 * - `acrossBreak`: a section's text running on across the amount block
 *
 * The values were set by reading the documents and then measured against
 * the hand-checked section references (scripts/dev/learn.ts); the shared
 * reference is kept out of that measurement as a check.
 */
export const SECTION_WEIGHTS: Readonly<Record<string, number>> = {
  'cue.p.aim.purpose': 2.5,
  'cue.p.act.purpose': 1.2,
  'cue.p.need.purpose': 2,
  'cue.p.bg.purpose': 1.2,
  'cue.o.do.overview': 1.5,
  'cue.o.noun.overview': 1,
  'cue.oc.effect.outcome': 2.2,
  'cue.oc.weak.outcome': 0.8,
  'cue.w.p.purpose': 0.6,
  'cue.w.o.overview': 0.6,
  'cue.w.s.scheme': 0.8,
  'cue.w.oc.outcome': 0.7,
  'cue.req.scheme': 2,
  'cue.o.detail.overview': 3,
  'bias.purpose': 0.2,
  'bias.overview': 0.2,
  'bias.scheme': 0.2,
  'bias.outcome': 0.2,
  single: 3.75,
  multi: 1.2,
  tail: 3.75,
  'label.scheme': 2.25,
  opening: 8,
  beforeAmount: 2,
  inversion: -3.9,
  second: -3.1,
  cover: 4.5,
  widthBreak: -1.4,
  widthJoin: -0.7,
  styleBreak: -0.6,
  styleJoin: -1,
  acrossBreak: -1.5,
};
