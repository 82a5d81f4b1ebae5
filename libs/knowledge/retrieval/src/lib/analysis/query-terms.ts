import { expandQuestion } from './mtg-vocabulary';
import { analyze } from './text-analysis';
import type { QueryTerms } from '../lexical/lexical-index';

/**
 * The distinct index terms of a question (MTG shorthand expanded), each weighted by how often the
 * asker used it, damped so a word repeated in pasted card text does not drown the rest.
 */
export function weighQueryTerms(question: string): QueryTerms {
  const counts = new Map<string, number>();
  for (const term of analyze(expandQuestion(question))) counts.set(term, (counts.get(term) ?? 0) + 1);
  return new Map([...counts].map(([term, count]) => [term, 1 + Math.log(count)]));
}
