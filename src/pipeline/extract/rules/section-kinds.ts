/** The four sections of a measure page, in reading order. */
export const SECTION_KINDS = ['purpose', 'overview', 'scheme', 'outcome'] as const;

/**
 * - purpose (目的): why the measure exists
 * - overview (概要): what is done
 * - scheme (スキーム・実施要件): who carries it out, who pays whom, at what rate
 * - outcome (成果イメージ・事業実績): effects, targets and results
 */
export type SectionKind = (typeof SECTION_KINDS)[number];
