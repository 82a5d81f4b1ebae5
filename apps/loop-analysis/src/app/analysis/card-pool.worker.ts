// Worker-thread entry: searches card sets of a deck for `CardPoolThreads`. No Nest here, only the engine.
import { parentPort } from 'node:worker_threads';
import { searchCardSet, type CardPoolPlan } from '@melvin/loop/domain';
import type { FromWorker, ToWorker } from './card-pool-threads';

const plans = new Map<number, CardPoolPlan>();

function answer(message: ToWorker): FromWorker | null {
  switch (message.kind) {
    case 'plan':
      plans.set(message.job, message.plan);
      return null;
    case 'forget':
      plans.delete(message.job);
      return null;
    case 'ping':
      return { loops: [] };
    case 'search': {
      const plan = plans.get(message.job);
      if (!plan) return { error: `no plan for deck job ${message.job}` };
      return { loops: message.sets.map((set) => searchCardSet(plan.sets[set].map((i) => plan.cards[i]), message.perSetMs)) };
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
