/**
 * A problem found while building: a value with a code and a severity, so that tests assert
 * codes and the summary groups them. `error` stops the build; `warning` is listed and built
 * around.
 */
import { z } from 'astro/zod';

export const severitySchema = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof severitySchema>;

/** Every code a problem can carry, grouped by the stage that finds it. */
export const problemCodeSchema = z.enum([
  // load: files and their text
  'yaml', // a YAML file does not parse
  'schema', // a value does not match its schema
  'missing-file', // a file named by metadata is not there
  'unreadable', // a file or directory cannot be read
  'encoding', // a text cannot be decoded
  'empty-text', // a text holds nothing
  'orphan-text', // a text no metadata names
  'duplicate-id', // two documents or entries claim one id
  'control-characters', // unprintable characters removed from a line
  // extract
  'extraction-failed', // the extractor threw on a document
  'no-measure', // a document in which no measure was found
  'untitled', // a measure printed no title; one was derived
  'amount', // an amount expression that reads oddly
  'title-cut', // a title too long for a page, shortened
  // ids and the URL contract
  'registry', // a registry is inconsistent with itself or the documents
  'url-clash', // two ids or aliases would share one URL
  'ledger', // a line of the published-URL ledger does not parse
  'url-lost', // a published URL would stop resolving
  // curated data
  'used-twice', // a slug, name or word defined twice
  'unknown-reference', // a name or id that the curated data does not define
  'undecided-link', // two measures of different budgets that may be one program
]);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

export const problemSchema = z.object({
  /** What kind of problem it is. */
  code: problemCodeSchema,
  /** error: the build stops; warning: listed in the summary. */
  severity: severitySchema,
  /** The file the problem is in, relative to the project or its folder. */
  file: z.string(),
  /** 1-based line in that file, or null when it concerns the whole file. */
  line: z.number().int().positive().nullable(),
  /** What is wrong, and what to do about it. */
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** `file:line: message`, the one form every problem is printed in. */
export function formatProblem(p: Pick<Problem, 'file' | 'line' | 'message'>): string {
  return `${p.line === null ? p.file : `${p.file}:${p.line}`}: ${p.message}`;
}
