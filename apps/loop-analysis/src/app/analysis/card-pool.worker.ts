// Worker-thread entry: searches the card sets of a job for `CardPoolThreads`. No Nest here, only the engine.
import { parentPort } from 'node:worker_threads';
import { searchCardSet, searchOneCardAwaySet, setCards, warmUpEngine, type CardPoolPlan, type SetSearch } from '@melvin/loop/domain';
import type { FromWorker, JobKind, ToWorker } from './card-pool-threads';

const SEARCHES: Record<JobKind, SetSearch> = { deck: searchCardSet, 'one-card-away': searchOneCardAwaySet };

const jobs = new Map<number, { plan: CardPoolPlan; searchSet: SetSearch }>();

function answer(message: ToWorker): FromWorker | null {
  switch (message.kind) {
    case 'plan': {
      // A plan may come in parts as it grows; each part's indices run on from the parts before.
      const job = jobs.get(message.job) ?? { plan: { cards: [], sets: [] }, searchSet: SEARCHES[message.search] };
      jobs.set(message.job, job);
      for (const card of message.plan.cards) job.plan.cards.push(card);
      for (const set of message.plan.sets) job.plan.sets.push(set);
      return null;
    }
    case 'forget':
      jobs.delete(message.job);
      return null;
    case 'ping':
      return { loops: [] };
    case 'warmUp':
      warmUpEngine(message.cards, message.budgetMs);
      return { loops: [] };
    case 'search': {
      const job = jobs.get(message.job);
      if (!job) return { error: `no plan for job ${message.job}` };
      return { loops: message.sets.map((set) => job.searchSet(setCards(job.plan, set), message.perSetMs)) };
    }
  }
}

parentPort?.on('message', (message: ToWorker) => {
  let reply: FromWorker | null;
  try {
    reply = answer(message);
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  if (reply) parentPort?.postMessage(reply);
});
