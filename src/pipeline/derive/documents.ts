/**
 * Per-document summary written to src/generated/documents.json and shown on
 * the home page: metadata, counts, and totals per budget.
 */
import { familyOf } from '../extract/families/index.ts';
import { pdfPageStarts } from '../extract/rules/pages.ts';
import { amountKindCounts } from '../write/report.ts';
import { countedOwn, indexRecords, type RecordIndex } from './totals.ts';
import type { BudgetKind, DocumentResult } from '../types.ts';
import type { BudgetTotal, DocumentSummary } from '../../schemas/document-summary.ts';

export type { BudgetTotal, DocumentSummary };

export function summariseDocument(
  result: DocumentResult,
  index: RecordIndex = indexRecords(result.measures),
): DocumentSummary {
  const { meta, measures } = result;
  const totals = new Map<string, BudgetTotal>();
  const totalFor = (b: { label: string; fiscal_year: number; kind: BudgetKind }) => {
    let t = totals.get(b.label);
    if (!t) {
      t = {
        label: b.label,
        fiscal_year: b.fiscal_year,
        kind: b.kind,
        measures: 0,
        top_level_own_yen: 0,
        top_level_own_count: 0,
      };
      totals.set(b.label, t);
    }
    return t;
  };
  for (const b of meta.budgets) totalFor(b);
  for (const m of measures) totalFor(m.budget).measures += 1;
  for (const m of countedOwn(measures, index)) {
    const t = totalFor(m.budget);
    t.top_level_own_yen += m.amount.yen;
    t.top_level_own_count += 1;
  }
  return {
    meta,
    line_count: result.lineCount,
    counts: {
      measures: measures.length,
      ...amountKindCounts(measures),
      untitled: measures.filter((m) => m.untitled).length,
      top_level: measures.filter((m) => m.parent === null).length,
      unattributed: result.unattributed.length,
      problems: result.problems.length,
    },
    totals: [...totals.values()],
    page_starts: result.lines && familyOf(meta).pageBreaks ? pdfPageStarts(result.lines) : [],
  };
}
