import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  CardPoolSearch,
  DEFAULT_PER_SET_MS,
  OneCardAwaySearch,
  oneCardAwaySettings,
  planCardPoolSearch,
  type CardPoolAnalysis,
  type CardPoolOptions,
  type CardPoolPlan,
  type Loop,
  type LoopCard,
  type OneCardAway,
  type OneCardAwayOptions,
  type PlannedSearch,
} from '@melvin/loop/domain';

/** Which search a job's sets get: the deck's own loops, or cards one away from a loop with it. */
export type JobKind = 'deck' | 'one-card-away';

export type ToWorker =
  /** Adds cards and sets to a job's plan, sent again whenever the plan grows; indices run on from what was sent. */
  | { kind: 'plan'; job: number; search: JobKind; plan: CardPoolPlan }
  | { kind: 'search'; job: number; sets: number[]; perSetMs: number }
  | { kind: 'forget'; job: number }
  | { kind: 'ping' }
  /** Short searches over sample cards, so the thread's code is compiled before real decks come. */
  | { kind: 'warmUp'; cards: LoopCard[]; budgetMs: number };

export type FromWorker = { loops: Loop[][] } | { error: string };

/** Sets handed to a worker at once: enough to hide the message round trip, few enough to balance the load. */
const SETS_PER_REQUEST = 4;

const WORKER_NAME = 'card-pool.worker';

function upwardFrom(dir: string, file: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, file))) return join(at, file);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * A build emits the worker as its own bundle next to main.js; from TypeScript sources (jest, the bench)
 * the worker loads its .ts file through tsx, required at run time so the bundler never sees it.
 */
function spawnWorker(): Worker {
  const built = join(__dirname, `${WORKER_NAME}.js`);
  if (existsSync(built)) return new Worker(built);
  const source = join(__dirname, `${WORKER_NAME}.ts`);
  const tsconfig = upwardFrom(__dirname, 'tsconfig.base.json');
  const boot = `require(require('node:module').createRequire(${JSON.stringify(source)}).resolve('tsx/cjs')); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, env: { ...process.env, ...(tsconfig && { TSX_TSCONFIG_PATH: tsconfig }) } });
}

/** Sends one request and waits for its answer; a worker serves one request at a time. */
function ask(worker: Worker, request: ToWorker): Promise<Loop[][]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: FromWorker) => {
      done();
      if ('error' in reply) reject(new Error(`card-pool worker: ${reply.error}`));
      else resolve(reply.loops);
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`card-pool worker stopped (exit code ${code})`));
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

function take(search: PlannedSearch, count: number): number[] {
  const sets: number[] = [];
  for (let set = search.take(); set !== undefined; set = sets.length < count ? search.take() : undefined) sets.push(set);
  return sets;
}

/**
 * `findLoopsInCardPool` and `findOneCardAway` spread over worker threads: a plan's sets go to the
 * workers a few at a time and come back in any order, while the planned search (`CardPoolSearch`,
 * `OneCardAwaySearch`) keeps what a search in order would. The event loop stays free meanwhile.
 * Searches take turns: each one already uses every thread.
 */
export class CardPoolThreads {
  private workers: Worker[] = [];
  private jobs = 0;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(private readonly threads: number) {}

  /**
   * Starts the workers and waits until they answer: loading the engine takes a while, better not during
   * a deck. Given sample cards, each worker also searches them for `budgetMs`, so its code is compiled
   * for most kinds of ability before the first deck; decks wait their turn meanwhile.
   */
  warmUp(sample: LoopCard[] = [], budgetMs = 0): Promise<void> {
    return this.inTurn(async () => {
      const workers = this.ready();
      for (const worker of workers) worker.ref();
      try {
        await Promise.all(workers.map((worker) => ask(worker, { kind: 'ping' })));
        if (sample.length && budgetMs > 0) await Promise.all(workers.map((worker) => ask(worker, { kind: 'warmUp', cards: sample, budgetMs })));
      } finally {
        for (const worker of workers) worker.unref();
      }
    });
  }

  /** `onProgress` gets the share of the deck's sets searched so far, 0–1. */
  findLoops(cards: LoopCard[], options: CardPoolOptions = {}, onProgress: (share: number) => void = () => undefined): Promise<CardPoolAnalysis> {
    return this.inTurn(async () => {
      const started = performance.now();
      const search = new CardPoolSearch(planCardPoolSearch(cards, options.maxSize ?? 3));
      const deadline = started + (options.budgetMs ?? 2000);
      const exhausted = await this.spread(search, 'deck', deadline, options.perSetMs ?? DEFAULT_PER_SET_MS, onProgress);
      return search.analysis(started, exhausted);
    });
  }

  /** Pool cards are scored here, their sets searched by the workers; `onProgress` gets the share of pool cards reached, 0–1. */
  findOneCardAway(
    deckCards: LoopCard[],
    candidatePool: LoopCard[],
    options: OneCardAwayOptions = {},
    onProgress: (share: number) => void = () => undefined,
  ): Promise<OneCardAway[]> {
    return this.inTurn(async () => {
      const started = performance.now();
      const { limit, deckLoops, budgetMs, perSetMs } = oneCardAwaySettings(options);
      const search = new OneCardAwaySearch(deckCards, candidatePool, deckLoops);
      await this.spread(search, 'one-card-away', started + budgetMs, perSetMs, onProgress);
      return search.suggestions(limit);
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Hands a planned search's sets to every worker until done or past the deadline; true when the deadline cut it short. */
  private async spread(search: PlannedSearch, kind: JobKind, deadline: number, perSetMs: number, onProgress: (share: number) => void): Promise<boolean> {
    const job = (this.jobs += 1);
    const workers = this.ready();
    let exhausted = false;
    const failures: unknown[] = [];
    let sentCards = 0;
    let sentSets = 0;
    // New sets (and the cards they bring) go to every worker before any search of them: a worker reads its messages in order.
    const shareGrowth = () => {
      const { cards, sets } = search.plan;
      if (sentSets === sets.length) return;
      const plan = { cards: cards.slice(sentCards), sets: sets.slice(sentSets) };
      for (const worker of workers) worker.postMessage({ kind: 'plan', job, search: kind, plan } satisfies ToWorker);
      sentCards = cards.length;
      sentSets = sets.length;
    };
    // A drain never throws: on a failure every drain stops asking, and the search fails once all are idle.
    const drain = async (worker: Worker) => {
      for (let sets = take(search, SETS_PER_REQUEST); sets.length && !failures.length; sets = take(search, SETS_PER_REQUEST)) {
        const left = deadline - performance.now();
        if (left <= 0) {
          exhausted = true;
          return;
        }
        try {
          shareGrowth();
          const loops = await ask(worker, { kind: 'search', job, sets, perSetMs: Math.min(perSetMs, left) });
          sets.forEach((set, i) => search.complete(set, loops[i]));
          onProgress(search.progress);
        } catch (error) {
          failures.push(error);
        }
      }
    };
    try {
      for (const worker of workers) worker.ref();
      await Promise.all(workers.map(drain));
      onProgress(search.progress); // sets skipped after the last answer settle too
    } finally {
      for (const worker of workers) worker.postMessage({ kind: 'forget', job } satisfies ToWorker);
      for (const worker of workers) worker.unref();
    }
    if (failures.length) throw failures[0];
    return exhausted;
  }

  /** The running workers, replacing any that died; idle workers do not keep the process alive. */
  private ready(): Worker[] {
    while (this.workers.length < this.threads) {
      const worker = spawnWorker();
      worker.once('exit', () => (this.workers = this.workers.filter((w) => w !== worker)));
      worker.on('error', () => undefined);
      this.workers.push(worker);
    }
    return [...this.workers];
  }
}
