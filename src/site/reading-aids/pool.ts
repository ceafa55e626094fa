/**
 * The reading-aid worker as an async function from a page's HTML to the
 * enhanced HTML. One worker thread: Astro renders the next pages on the
 * main thread (build.concurrency in astro.config.mjs) while the worker
 * parses, enhances and serialises the previous ones, so on two cores the
 * two halves of the page work overlap. The worker only keeps the process
 * alive while it has pages to answer.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { GLOSSARY_PATH, withBase } from '../../lib/links.ts';
import { generatedDir, readGenerated } from '../../schemas/generated.ts';
import type { StepTimes } from './page.ts';
import type { Answer, WorkerSetup } from './worker.ts';

export interface Enhancer {
  (html: string): Promise<string>;
  /** Milliseconds per step, summed over every page answered so far. */
  readonly steps: StepTimes & { pages: number };
}

/** Start the worker (`bootstrap`: the URL of worker.mjs) with what every page needs. */
export function startEnhancer(bootstrap: URL, setup: WorkerSetup): Enhancer {
  const worker = new Worker(bootstrap, { workerData: setup });
  const waiting = new Map<
    number,
    { resolve: (html: string) => void; reject: (e: Error) => void }
  >();
  const steps = { pages: 0, parse: 0, enhance: 0, tokenize: 0, serialise: 0 };
  let next = 0;
  const idle = () => (waiting.size === 0 ? worker.unref() : worker.ref());
  idle();
  worker.on('message', (answer: Answer) => {
    const w = waiting.get(answer.id)!;
    waiting.delete(answer.id);
    idle();
    if ('error' in answer) return w.reject(new Error(`reading aids: ${answer.error}`));
    steps.pages += 1;
    for (const k of ['parse', 'enhance', 'tokenize', 'serialise'] as const)
      steps[k] += answer.steps[k];
    w.resolve(answer.html);
  });
  const fail = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`reading aids: the worker stopped (exit code ${code})`)),
  );
  const enhance = (html: string) =>
    new Promise<string>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      idle();
      worker.postMessage({ id, html });
    });
  return Object.assign(enhance, { steps });
}

/**
 * The enhancer for the project at `root` served under `base`, started once
 * per process (the middleware's module may be evaluated more than once under
 * `astro dev`). It reads the glossary and the curated readings from
 * src/generated/ when it starts: restart `astro dev` after changing them.
 */
const SHARED = Symbol.for('mhlw-budget-explainer.reading-aids');
export function readingAids(root: string, base: string): Enhancer {
  const g = globalThis as { [SHARED]?: Enhancer };
  if (g[SHARED]) return g[SHARED];
  const curated = readGenerated(generatedDir(root), 'curated');
  g[SHARED] = startEnhancer(pathToFileURL(join(root, 'src/site/reading-aids/worker.mjs')), {
    readings: curated.readings,
    glossary: curated.glossary,
    glossaryPage: withBase(base, GLOSSARY_PATH),
  });
  return g[SHARED];
}
