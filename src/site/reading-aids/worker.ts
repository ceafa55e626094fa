/**
 * The reading aids in a worker thread (started by pool.ts through
 * worker.mjs): receives a page's HTML, answers with the enhanced HTML and
 * the time of each step. The tokenizer's dictionary loads here, once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { GlossaryTerm } from '../../schemas/glossary.ts';
import { getTokenizer, phrases } from './japanese.ts';
import { enhanceHtml, type StepTimes } from './page.ts';

export interface WorkerSetup {
  readings: [string, string][];
  glossary: GlossaryTerm[];
  /** The glossary page's URL; a term's link is this plus `#slug`. */
  glossaryPage: string;
}
export interface Request {
  id: number;
  html: string;
}
export type Answer = { id: number; html: string; steps: StepTimes } | { id: number; error: string };

const setup = workerData as WorkerSetup;
const tokenize = await getTokenizer();
parentPort!.on('message', ({ id, html }: Request) => {
  const steps: StepTimes = { parse: 0, enhance: 0, tokenize: 0, serialise: 0 };
  let answer: Answer;
  try {
    const out = enhanceHtml(
      html,
      {
        tokenize,
        readings: setup.readings,
        glossary: setup.glossary,
        glossaryHref: (slug) => `${setup.glossaryPage}#${slug}`,
        phrases,
      },
      steps,
    );
    answer = { id, html: out, steps };
  } catch (e) {
    answer = { id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(answer);
});
