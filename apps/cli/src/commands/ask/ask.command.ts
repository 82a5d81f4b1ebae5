import type { Command } from 'commander';
import { loadConfig } from '@melvin/shared/config';
import { answerEnvSchema } from '../../config/env.schema';
import { openKnowledgeBase } from '../knowledge/open-knowledge';
import { localPipeline } from './local-answering';

export function registerAskCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a rules question from the shell with the chat pipeline (generated with OLLAMA_URL, else extractive)')
    .argument('<question>', 'the question; [[Card Name]] names a card')
    .option('--json', 'print the answer with its mode, citations, retrieval trace and timings as JSON')
    .action(async (question: string, options: { json?: boolean }) => {
      const env = loadConfig('melvin cli', answerEnvSchema);
      const pipeline = localPipeline(await openKnowledgeBase(), env);
      const outcome = await pipeline.answer({
        question,
        history: [],
        onEvent: (event) => {
          if (!options.json && event.type === 'token') process.stdout.write(event.text);
          if (!options.json && event.type === 'reset') process.stdout.write('\n[retrying with stricter instructions]\n');
        },
      });
      if (options.json) console.log(JSON.stringify({ question, ...outcome }, null, 2));
      else process.stdout.write(`\n\n[${outcome.mode}${outcome.flags.length ? `; ${outcome.flags.join(', ')}` : ''}; ${outcome.timings.totalMs} ms]\n`);
    });
}
