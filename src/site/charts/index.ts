/** Every chart of the site, built once per build from the generated data (src/site/charts/specs.ts). */
import { buildCharts, type ChartSpec } from './specs.ts';
import { documentSummaries, measureRecords, navigation, recordsById } from '../data.ts';

export const charts: Map<string, ChartSpec> = buildCharts({
  records: measureRecords,
  nav: navigation,
  documents: documentSummaries,
  index: recordsById,
});

/** The chart with this id, if the data gives one. */
export function chart(id: string): ChartSpec | undefined {
  return charts.get(id);
}
