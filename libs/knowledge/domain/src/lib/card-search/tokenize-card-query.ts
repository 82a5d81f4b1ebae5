import type { Comparison } from './card-query';
import { CardQuerySyntaxError } from './card-query-syntax-error';

interface TokenBase {
  /** The characters as typed, for error messages. */
  text: string;
  position: number;
}

export type QueryToken =
  | (TokenBase & { type: 'open' | 'close' | 'or' | 'and' | 'not' })
  | (TokenBase & { type: 'term'; key: string; comparison: Comparison; value: string; valuePosition: number })
  | (TokenBase & { type: 'word'; value: string; exact: boolean });

const TERM_START = /[a-z]+(?:!=|>=|<=|[:=<>])/iy;
const COMPARISONS: readonly Comparison[] = ['!=', '>=', '<=', ':', '=', '<', '>'];
// A bare word or a term's value runs to the next space or parenthesis.
const BARE = /[^\s()"]+/y;
const VALUE = /[^\s()]+/y;

/** Splits a query into parentheses, `or`/`and`, `-`, `key:value` terms and name words. */
export function tokenizeCardQuery(query: string): QueryToken[] {
  const tokens: QueryToken[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at];
    if (/\s/.test(char)) {
      at++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', text: char, position: at });
      at++;
    } else if (char === '-') {
      if (at + 1 >= query.length || /[\s)]/.test(query[at + 1])) {
        throw new CardQuerySyntaxError('Nothing follows "-" to leave out', at, char);
      }
      tokens.push({ type: 'not', text: char, position: at });
      at++;
    } else if (char === '!') {
      const { value, end } = readValue(query, at + 1, BARE);
      if (!value) throw new CardQuerySyntaxError('"!" needs a card name after it', at, char);
      tokens.push({ type: 'word', value, exact: true, text: query.slice(at, end), position: at });
      at = end;
    } else {
      const token = readTermOrWord(query, at);
      tokens.push(token);
      at = token.position + token.text.length;
    }
  }
  return tokens;
}

function readTermOrWord(query: string, at: number): QueryToken {
  TERM_START.lastIndex = at;
  const head = TERM_START.exec(query);
  if (head) {
    const comparison = COMPARISONS.find((candidate) => head[0].endsWith(candidate)) ?? ':';
    const key = head[0].slice(0, head[0].length - comparison.length).toLowerCase();
    const valuePosition = at + head[0].length;
    const { value, end } = readValue(query, valuePosition, VALUE);
    if (!value) throw new CardQuerySyntaxError(`"${head[0]}" needs a value after it`, at, head[0]);
    return { type: 'term', key, comparison, value, valuePosition, text: query.slice(at, end), position: at };
  }
  const { value, end } = readValue(query, at, BARE);
  const text = query.slice(at, end);
  if (!value) throw new CardQuerySyntaxError('These quotes hold nothing to search for', at, text);
  const lower = text.toLowerCase();
  if (query[at] !== '"' && (lower === 'or' || lower === 'and')) return { type: lower, text, position: at };
  return { type: 'word', value, exact: false, text, position: at };
}

/** A "quoted phrase" or a bare run of characters starting at `at`, and where it ends. */
function readValue(query: string, at: number, bare: RegExp): { value: string; end: number } {
  if (query[at] === '"') {
    const close = query.indexOf('"', at + 1);
    if (close < 0) throw new CardQuerySyntaxError('This quote is never closed', at, '"');
    return { value: query.slice(at + 1, close), end: close + 1 };
  }
  bare.lastIndex = at;
  const run = bare.exec(query)?.[0] ?? '';
  return { value: run, end: at + run.length };
}
