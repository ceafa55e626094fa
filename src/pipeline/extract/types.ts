/**
 * What each extraction step takes and gives. Every step returns a new type:
 * a stage's fields are never filled in later by another step.
 */
import type { Budget, Details, SourceMeta } from '../types.ts';
import type { FamilyProfile } from './families/types.ts';
import type { Page } from './rules/pages.ts';
import type { Anchor } from './steps/find-anchors.ts';

/** One document's text, read once: the input of every step. */
export interface DocText {
  meta: SourceMeta;
  family: FamilyProfile;
  lines: readonly string[];
  pages: readonly Page[];
  /** The 1-based line where each PDF page starts, for citing (rules/pages.ts pdfPageStarts); null when the text keeps no page breaks. */
  pdfPages: readonly number[] | null;
  /** 0-based lines holding a `施策名：` label. */
  nameLines: readonly number[];
}

/** group-components: an amount line, and the measure whose page it is printed on when it is a component. */
export interface Grouped {
  anchor: Anchor;
  /** Index (into the grouped list) of the main measure this is a component of. */
  parentIndex: number | null;
}

/** read-titles: the measure's name and header. */
export interface Titled extends Grouped {
  title: string | null;
  subtitle: string | null;
  /** 0-based line of the title (null when none was found). */
  titleLine: number | null;
  /** No name is printed (it was an image): the title is derived. */
  untitled: boolean;
  tags: string[];
  /** The bureau printed in the header (badges / title / bureau block), if any. */
  headerBureau: string | null;
  /** Lines of the header (title, amount, bureau, badges, sub-name): never section text. */
  header: ReadonlySet<number>;
  /** The title was read from a badges/title/bureau block right above the amount line. */
  headerAbove: boolean;
}

/** set-regions: the measure's lines. */
export interface Placed extends Titled {
  /** 0-based inclusive line range. */
  start: number;
  end: number;
}

/** read-bureaus: the responsible bureau, and the header lines it was read from. */
export interface WithBureau extends Placed {
  bureau: string | null;
}

/** What read-sections and read-facts add; the record is made from this. */
export interface Read extends WithBureau {
  sections: { purpose: string; overview: string; scheme: string; outcome: string };
  details: Details;
  budget: Budget;
}
