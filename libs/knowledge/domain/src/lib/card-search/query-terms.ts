import type { CardQueryNode, Comparison, NumericField } from './card-query';
import { CardQuerySyntaxError } from './card-query-syntax-error';
import { parseColourValue } from './colour-sets';
import type { QueryToken } from './tokenize-card-query';

type Term = Extract<QueryToken, { type: 'term' }>;

const NUMERIC_FIELDS: Readonly<Record<string, NumericField>> = {
  mv: 'manaValue', cmc: 'manaValue', manavalue: 'manaValue',
  pow: 'power', power: 'power',
  tou: 'toughness', toughness: 'toughness',
};

/** Scryfall's format names, so a misspelt format is an error rather than an empty result. */
const FORMATS = new Set([
  'standard', 'future', 'historic', 'timeless', 'gladiator', 'pioneer', 'modern', 'legacy', 'pauper', 'vintage',
  'penny', 'commander', 'oathbreaker', 'standardbrawl', 'brawl', 'alchemy', 'paupercommander', 'duel',
  'oldschool', 'premodern', 'predh',
]);
const FORMAT_ALIASES: Readonly<Record<string, string>> = { edh: 'commander', pdh: 'paupercommander' };

const ORDERING: readonly Comparison[] = ['<', '<=', '>', '>='];

const TERMS: Readonly<Record<string, (term: Term) => CardQueryNode>> = {
  o: (term) => ({ kind: 'oracle', text: textValue(term) }),
  oracle: (term) => ({ kind: 'oracle', text: textValue(term) }),
  t: (term) => ({ kind: 'type', text: textValue(term) }),
  type: (term) => ({ kind: 'type', text: textValue(term) }),
  kw: (term) => ({ kind: 'keyword', keyword: textValue(term) }),
  keyword: (term) => ({ kind: 'keyword', keyword: textValue(term) }),
  c: (term) => colourTerm(term, 'colors'),
  color: (term) => colourTerm(term, 'colors'),
  id: (term) => colourTerm(term, 'colorIdentity'),
  ci: (term) => colourTerm(term, 'colorIdentity'),
  identity: (term) => colourTerm(term, 'colorIdentity'),
  f: (term) => ({ kind: 'legality', format: formatValue(term), status: 'playable' }),
  format: (term) => ({ kind: 'legality', format: formatValue(term), status: 'playable' }),
  legal: (term) => ({ kind: 'legality', format: formatValue(term), status: 'playable' }),
  banned: (term) => ({ kind: 'legality', format: formatValue(term), status: 'banned' }),
  is: (term) => {
    expectOnly(term, 'commander');
    return { kind: 'is', property: 'commander' };
  },
  include: (term) => {
    expectOnly(term, 'extras');
    return { kind: 'includeExtras' };
  },
};

/** The query node for one `key:value` term, or an error pointing at the key or the value. */
export function buildTerm(term: Term): CardQueryNode {
  const numeric = NUMERIC_FIELDS[term.key];
  if (numeric) return numberTerm(term, numeric);
  const build = TERMS[term.key];
  if (!build) throw new CardQuerySyntaxError(`Unknown keyword "${term.key}"`, term.position, term.key);
  return build(term);
}

/** Text keywords only read `:` (or `=`): "t>creature" means nothing. */
function textValue(term: Term): string {
  if (term.comparison !== ':' && term.comparison !== '=') {
    const at = term.position + term.key.length;
    throw new CardQuerySyntaxError(`"${term.key}" cannot be compared with "${term.comparison}"`, at, term.comparison);
  }
  return term.value;
}

function numberTerm(term: Term, field: NumericField): CardQueryNode {
  const otherField = NUMERIC_FIELDS[term.value.toLowerCase()];
  if (otherField) return { kind: 'number', field, comparison: term.comparison, value: otherField };
  if (!/^-?\d+(?:\.\d+)?$/.test(term.value)) throw badValue(term, `"${term.value}" is not a number`);
  return { kind: 'number', field, comparison: term.comparison, value: Number(term.value) };
}

function colourTerm(term: Term, field: 'colors' | 'colorIdentity'): CardQueryNode {
  const value = parseColourValue(term.value);
  if (value === null) throw badValue(term, `"${term.value}" is not a colour or colour set`);
  if (value === 'multicolour' && ORDERING.includes(term.comparison)) {
    throw badValue(term, `Multicolour can only be matched with ":", "=" or "!="`);
  }
  return { kind: 'colour', field, comparison: term.comparison, value };
}

function formatValue(term: Term): string {
  const name = textValue(term).toLowerCase();
  const format = FORMAT_ALIASES[name] ?? name;
  if (!FORMATS.has(format)) throw badValue(term, `Unknown format "${term.value}"`);
  return format;
}

/** Keywords that take a single word ("is:commander", "include:extras"). */
function expectOnly(term: Term, value: string): void {
  if (textValue(term).toLowerCase() !== value) throw badValue(term, `"${term.key}:" knows only "${value}", not "${term.value}"`);
}

function badValue(term: Term, message: string): CardQuerySyntaxError {
  return new CardQuerySyntaxError(message, term.valuePosition, term.value);
}
