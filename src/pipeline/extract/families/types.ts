/**
 * A document family: the printed layout shared by the documents of one kind
 * (the FY2024-style supplementary form sheet, the FY2021 free-form pages, the
 * budget request's 事業概要 pages, the policy documents). Everything the
 * extractor needs to know about a layout is one profile of this shape; a new
 * document of a known family needs only its metadata line `family: <id>`.
 */
import type { HeadingForm, HeadingVariant } from '../rules/headings.ts';
import type { SectionKind } from '../rules/section-kinds.ts';
import type { FamilyId } from '../../../schemas/source-meta.ts';

export type { FamilyId };

/** Where a measure's text starts and ends in the document. */
export type RegionRule =
  /** the measure starts at its page's first line (or its title, when earlier) and runs to the next measure */
  | 'page'
  /** badges, title and bureau are printed above the amount line, and the measure starts there */
  | 'header-above'
  /** like `page`, but ends with the page of its amount line: the pages after a measure are policy context */
  | 'page-bounded';

/** Which budget labels carry a parenthesised prior-year figure `（前年度当初予算額）`. */
export type PriorRule = 'parenthesised' | 'none';

/** Where a measure's name is read, in order; the first rule that finds one wins. */
export type TitleRule =
  /** a project name printed in its column of a table row of amounts */
  | 'table-column'
  /** a name printed before the budget label on the amount line */
  | 'amount-prefix'
  /** a `施策名：` label on the measure's page */
  | 'name-label'
  /** badges / title / bureau printed right above the amount line */
  | 'header-above'
  /** the most title-like line of the page */
  | 'page-scan';

export interface FamilyProfile {
  id: FamilyId;
  /** One line saying which documents have this layout. */
  description: string;
  /** Every printed section heading of the family, each with the section(s) it opens. */
  headings: readonly HeadingVariant[];
  /** How the family marks its section headings; headings of other forms on its pages are box labels. */
  headingForms: readonly HeadingForm[];
  /**
   * Explanatory tails of headings that the PDF text breaks onto a line of
   * their own (`え・創出効果、波及プロセスを含む）`, `（対象、補助率等）等`): never section text.
   */
  headingTails: readonly string[];
  /** The usual order of the section boxes' texts on a page. */
  order: readonly SectionKind[];
  /**
   * The section whose text the PDF prints after the amount and bureau block
   * (the form sheet's diagram box), when no heading follows that block.
   */
  tail: SectionKind | null;
  /**
   * Sections every page of the family has a box for, printed heading or not
   * (the form sheet's ①〜⑤: a heading lost to an image still has its box).
   */
  boxes: readonly SectionKind[];
  /** The section whose box the PDF prints last before the amount block (the form sheet's outcome box). */
  beforeAmount: SectionKind | null;
  /**
   * The family prints a heading for every section a page has, so a page
   * without (say) `4 事業実績` has no outcome; free-form pages do not.
   */
  headingsComplete: boolean;
  /**
   * Headings printed one after another with no text between them are a
   * column of the boxes' headings whose texts follow (the form sheet's
   * `① ③ ④ ② ⑤`). When false, headings are in reading order and one with
   * nothing under it is an empty box (`3 実施主体等` then `4 事業実績等`).
   */
  headingColumns: boolean;
  /** The section that text printed before any heading belongs to, when no content evidence says otherwise. */
  lead: SectionKind;
  titles: readonly TitleRule[];
  /** Pages also begin after three blank lines (with no leading space); elsewhere such gaps are inside pages. */
  pagesAfterGaps: boolean;
  /**
   * The text keeps the PDF's page breaks (a page's first line begins with one space), so the
   * pages a citation names can be counted (rules/pages.ts pdfPageStarts); false: none survive.
   */
  pageBreaks: boolean;
  region: RegionRule;
  prior: PriorRule;
}
