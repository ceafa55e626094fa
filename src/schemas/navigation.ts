/**
 * src/generated/navigation.json: what links measures to each other, computed once by the
 * pipeline (derive/): previous/next, packages, bureaus and divisions, tags, and the same program
 * in other budgets.
 */
import { z } from 'astro/zod';
import { programNavSchema } from './programs.ts';

const ids = z.array(z.string());

/** A bureau (and division) a measure's 担当 line names. */
export const unitRefSchema = z
  .object({ bureau: z.string(), division: z.string().nullable() })
  .strict();
export type UnitRef = z.infer<typeof unitRefSchema>;

export const measureNavSchema = z
  .object({
    /** The measure before and after it in its document. */
    prev: z.string().nullable(),
    next: z.string().nullable(),
    /** Packages this measure belongs to, outermost first. */
    ancestors: ids,
    /** The same program in other budgets (other documents). */
    related: ids,
    /** The slug of its program across budgets (/programs/<slug>/), if it has one. */
    program: z.string().nullable(),
    /** The units its 担当 line names. */
    units: z.array(unitRefSchema),
    /** Slugs of the measure's tags, in the order of `record.tags`. */
    tags: ids,
  })
  .strict();
export type MeasureNav = z.infer<typeof measureNavSchema>;

const count = z.number().int().nonnegative();

/** Sum of amounts of a set of measures for one budget, without double counting. */
export const setTotalSchema = z
  .object({
    /** The budget label. */
    label: z.string(),
    /** Measures of the set under this budget. */
    measures: count,
    /** Sum of `own` amounts of the set's measures whose package is not in the set too. */
    own_yen: count,
    own_count: count,
    /** Own amounts left out because their package's amount, in the set, includes them. */
    nested_count: count,
    /** Measures with a 内数 amount or none: not in the sum. */
    part_of_count: count,
    none_count: count,
  })
  .strict();
export type SetTotal = z.infer<typeof setTotalSchema>;

export const divisionNavSchema = z
  .object({
    /** URL slug (/bureaus/<bureau>/<division>/). */
    slug: z.string(),
    name: z.string(),
    english: z.string().nullable(),
    /** Its measures. */
    measures: ids,
    totals: z.array(setTotalSchema),
  })
  .strict();
export type DivisionNav = z.infer<typeof divisionNavSchema>;

export const bureauNavSchema = z
  .object({
    /** URL slug (/bureaus/<slug>/). */
    slug: z.string(),
    name: z.string(),
    english: z.string().nullable(),
    /** Slug of the bureau this one lies within (a 部 in its 局). */
    within: z.string().nullable(),
    /** Every measure of the bureau or one of its divisions. */
    measures: ids,
    /** Measures assigned to the bureau as a whole (no division printed). */
    direct: ids,
    divisions: z.array(divisionNavSchema),
    totals: z.array(setTotalSchema),
  })
  .strict();
export type BureauNav = z.infer<typeof bureauNavSchema>;

export const tagNavSchema = z
  .object({
    /** URL slug (/tags/<slug>/). */
    slug: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    measures: ids,
    totals: z.array(setTotalSchema),
  })
  .strict();
export type TagNav = z.infer<typeof tagNavSchema>;

export const packageNavSchema = z
  .object({
    /** The package's id. */
    id: z.string(),
    document: z.string(),
    /** Its parts, in the document's order. */
    children: ids,
    /** The package's own amount, if printed. */
    own_yen: z.number().int().nonnegative().nullable(),
    /** Sum of the children's own amounts. */
    children_own_yen: count,
    children_own_count: count,
    /** Children with a part_of amount or none: not in the sum. */
    children_other_count: count,
    /** own_yen − children_own_yen, when both are known and every child has an own amount. */
    difference: z.number().int().nullable(),
  })
  .strict();
export type PackageNav = z.infer<typeof packageNavSchema>;

export const navigationSchema = z
  .object({
    /** Per measure id. */
    measures: z.record(z.string(), measureNavSchema),
    bureaus: z.array(bureauNavSchema),
    /** Measures whose 担当 line is missing. */
    no_bureau: ids,
    /** Printed 担当 parts that name no known unit, with their measures. */
    unknown_units: z.array(z.object({ text: z.string(), measures: ids }).strict()),
    tags: z.array(tagNavSchema),
    packages: z.array(packageNavSchema),
    /** Pairs of measures the build did not link but a person should look at. */
    /** Programs across budgets: the same measure in two documents or more. */
    programs: z.array(programNavSchema),
    cross_budget_uncertain: z.array(
      z.object({ a: z.string(), b: z.string(), reason: z.string() }).strict(),
    ),
  })
  .strict();
export type Navigation = z.infer<typeof navigationSchema>;
