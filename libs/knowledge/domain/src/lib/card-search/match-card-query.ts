import type { CardRecord } from '../model/cards';
import { normalizeCardName } from '../cards/normalize-name';
import type { CardQueryNode, ColourValue, Comparison, NumericField } from './card-query';

export type CardPredicate = (card: CardRecord) => boolean;

/** Whether one card answers the query. To test many cards, compile once with `compileCardQuery`. */
export function matchesCardQuery(node: CardQueryNode, card: CardRecord): boolean {
  return compileCardQuery(node)(card);
}

/** Turns a parsed query into a test, doing the per-query work (normalising words, lower-casing) once. */
export function compileCardQuery(node: CardQueryNode): CardPredicate {
  switch (node.kind) {
    case 'and': {
      const children = node.children.map(compileCardQuery);
      return (card) => children.every((matches) => matches(card));
    }
    case 'or': {
      const children = node.children.map(compileCardQuery);
      return (card) => children.some((matches) => matches(card));
    }
    case 'not': {
      const child = compileCardQuery(node.child);
      return (card) => !child(card);
    }
    case 'name': {
      const wanted = normalizeCardName(node.text);
      return node.exact
        ? (card) => card.normalizedName === wanted || card.faceNames.includes(wanted)
        : (card) => card.normalizedName.includes(wanted);
    }
    case 'oracle':
      return oracleMatcher(node.text);
    case 'type': {
      const wanted = node.text.toLowerCase();
      return (card) => typeLineOf(card).includes(wanted);
    }
    case 'keyword': {
      const wanted = node.keyword.toLowerCase();
      return (card) => card.keywords.some((keyword) => keyword.toLowerCase() === wanted);
    }
    case 'colour':
      return (card) => coloursMatch(card[node.field], node.comparison, node.value, node.field === 'colors');
    case 'number':
      return (card) => numberMatches(card, node.field, node.comparison, node.value);
    case 'legality': {
      const statuses = node.status === 'banned' ? ['banned'] : ['legal', 'restricted'];
      return (card) => statuses.includes(card.legalities[node.format] ?? 'not_legal');
    }
    case 'is':
      return canBeCommander;
    case 'includeExtras':
      return () => true;
  }
}

/** Rules text compared without case, with the minus sign of loyalty costs read as a hyphen. */
function comparableText(text: string): string {
  return text.toLowerCase().replace(/[−–]/g, '-');
}

// Searches run over the same card objects again and again: fold each card's text once.
const foldedOracleText = new WeakMap<CardRecord, string>();
const foldedTypeLine = new WeakMap<CardRecord, string>();

function cached(cache: WeakMap<CardRecord, string>, card: CardRecord, fold: () => string): string {
  let folded = cache.get(card);
  if (folded === undefined) cache.set(card, (folded = fold()));
  return folded;
}

const oracleOf = (card: CardRecord) => cached(foldedOracleText, card, () => comparableText(card.oracleText));
const typeLineOf = (card: CardRecord) => cached(foldedTypeLine, card, () => card.typeLine.toLowerCase());

/**
 * `~` stands for the card's own name, as its text writes it: the full name, a face's name, or the
 * short name before the comma that legendary cards use ("Ragavan" for "Ragavan, Nimble Pilferer").
 */
function oracleMatcher(text: string): CardPredicate {
  const parts = comparableText(text).split('~');
  if (parts.length === 1) return (card) => oracleOf(card).includes(parts[0]);
  return (card) => {
    const oracle = oracleOf(card);
    // Most cards lack even the words around "~": rule them out before trying their names.
    return parts.every((part) => oracle.includes(part)) && namesInText(card).some((name) => oracle.includes(parts.join(name)));
  };
}

function namesInText(card: CardRecord): string[] {
  const names = [card.name, ...card.faces.map((face) => face.name)].map((name) => name.toLowerCase());
  const shortNames = names.filter((name) => name.includes(',')).map((name) => name.slice(0, name.indexOf(',')));
  return [...new Set([...names, ...shortNames])];
}

/**
 * `:` reads as Scryfall does: for colours "at least these" (c:rg is red and green, maybe more), for
 * identity "within these" (id:esper fits an Esper commander); for colourless, exactly none.
 */
function coloursMatch(
  cardColours: readonly string[],
  comparison: Comparison,
  value: ColourValue,
  isColour: boolean,
): boolean {
  if (value === 'multicolour') return (cardColours.length >= 2) === (comparison !== '!=');
  const natural: Comparison = value.length === 0 ? '=' : isColour ? '>=' : '<=';
  const compared = comparison === ':' ? natural : comparison;
  const inCard = (colour: string) => cardColours.includes(colour);
  const covers = value.every(inCard);
  const within = cardColours.every((colour) => value.includes(colour));
  switch (compared) {
    case '=':
      return covers && within;
    case '!=':
      return !(covers && within);
    case '>=':
      return covers;
    case '<=':
      return within;
    case '>':
      return covers && !within;
    default:
      return within && !covers;
  }
}

function numberMatches(
  card: CardRecord,
  field: NumericField,
  comparison: Comparison,
  value: number | NumericField,
): boolean {
  const left = numericValue(card, field);
  const right = typeof value === 'number' ? value : numericValue(card, value);
  if (left === null || right === null) return false;
  return compareNumbers(left, comparison, right);
}

/** Mana value, or power/toughness read as Scryfall does: "*" counts as 0, "1+*" as 1; null if the card has none. */
function numericValue(card: CardRecord, field: NumericField): number | null {
  if (field === 'manaValue') return card.manaValue;
  const printed = card[field];
  if (printed === null) return null;
  const number = parseFloat(printed);
  return Number.isNaN(number) ? 0 : number;
}

function compareNumbers(left: number, comparison: Comparison, right: number): boolean {
  switch (comparison) {
    case ':':
    case '=':
      return left === right;
    case '!=':
      return left !== right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    default:
      return left >= right;
  }
}

/**
 * A card that can lead a Commander deck: a legendary creature (front face), or one whose text says
 * it can be your commander, and legal in Commander.
 */
function canBeCommander(card: CardRecord): boolean {
  const frontType = (card.faces[0]?.typeLine ?? card.typeLine).toLowerCase();
  const eligible =
    (frontType.includes('legendary') && frontType.includes('creature')) ||
    card.oracleText.toLowerCase().includes('can be your commander');
  return eligible && card.legalities['commander'] === 'legal';
}
