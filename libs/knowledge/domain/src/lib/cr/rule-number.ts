import type { CrRule } from '../model/rules';

/**
 * Rule numbers of the Comprehensive Rules come in four shapes:
 * section "7", rule "702", subrule "702.19", subsubrule "702.19c".
 * Subsubrule letters skip "l" and "o" (they read like 1 and 0).
 */
const CANONICAL = /^(?:[1-9]|[1-9]\d{2}(?:\.\d{1,3}(?:[a-km-np-z])?)?)$/;

/** Letters a subsubrule may carry, in document order. */
export const SUBRULE_LETTERS = 'abcdefghijkmnpqrstuvwxyz';

/** Longest numeric range ("rules 903.6–903.11") we expand; anything longer is probably not a range. */
const MAX_RANGE_LENGTH = 30;

/**
 * Canonical form of a rule number someone wrote: "702.19c." → "702.19c", "CR 702.19C" → "702.19c",
 * "rule 613" → "613", "section 7" → "7". Null when the input is not shaped like a rule number.
 */
export function normalizeRuleNumber(raw: string): string | null {
  const stripped = raw
    .trim()
    .replace(/^[[(]+|[\])]+$/g, '')
    .replace(/^(?:CR|comprehensive\s+rules?|rules?|sections?|§)\s*/i, '')
    .replace(/\.$/, '')
    .trim()
    .toLowerCase();
  return CANONICAL.test(stripped) ? stripped : null;
}

/** How deep a canonical number sits in the hierarchy; null for non-numbers. */
export function ruleDepth(number: string): CrRule['depth'] | null {
  if (!CANONICAL.test(number)) return null;
  if (/^\d$/.test(number)) return 'section';
  if (/^\d{3}$/.test(number)) return 'rule';
  return /[a-z]$/.test(number) ? 'subsubrule' : 'subrule';
}

/** The number one level up: "702.19c" → "702.19" → "702" → "7" → null. */
export function parentRuleNumber(number: string): string | null {
  switch (ruleDepth(number)) {
    case 'subsubrule':
      return number.slice(0, -1);
    case 'subrule':
      return number.slice(0, number.indexOf('.'));
    case 'rule':
      return number[0];
    default:
      return null;
  }
}

// A subrule mention such as "702.19c", optionally the start of a range ("702.19b–d", "119.7–8",
// "903.6–903.11", "112.6a to 112.6n"). Not preceded by a digit, "<digit>.", currency sign or "v"
// (dates, versions, prices; "priority.116.3d" with a missing space still counts), and not followed
// by more digits or letters, a further ".digit" or "%" (decimals).
const NOT_INSIDE_A_NUMBER = String.raw`(?<![\d$€£¥]|\d\.|\bv)`;
const NOT_FOLLOWED_BY_MORE = String.raw`(?![\w%]|[.,]\d)`;
const SUBRULE = String.raw`([1-9]\d{2})\.(\d{1,3})([a-z])?`;
const RANGE_END = String.raw`(?:\s*([–—-]|\sto\s|\sthrough\s)\s*(?:(\1\.)?(\d{1,3})([a-z])?|([a-z])))?`;
const SUBRULE_MENTION = new RegExp(NOT_INSIDE_A_NUMBER + SUBRULE + RANGE_END + NOT_FOLLOWED_BY_MORE, 'gi');

// Whole rules and sections only count after a word that says so ("rule 613", "CR 613", "see 706",
// "section 7"), because a bare "100" in a question is far more often a quantity. Lists such as
// "rules 614 and 615" or "rules 701.42, “Meld,” and 730" continue past commas, conjunctions, dashes
// and quoted rule titles.
const KEYWORD = String.raw`(?:(\bCR|\brules?|\bsee|§)|\b(sections?))\s*`;
const NUMBER_TOKEN = String.raw`[1-9]\d{0,2}(?:\.\d{1,3}[a-z]?)?` + NOT_FOLLOWED_BY_MORE;
const QUOTED_TITLE = String.raw`(?:,?\s*[“"][^”"\n]{1,80}[”"])?`;
const LIST_JOINER = String.raw`(?:\s*(?:,|and|or|to|through|&|[–—-])\s*)+`;
const NUMBER_LIST = `(${NUMBER_TOKEN}${QUOTED_TITLE}(?:${LIST_JOINER}${NUMBER_TOKEN}${QUOTED_TITLE})*)`;
const KEYWORD_MENTION = new RegExp(KEYWORD + NUMBER_LIST, 'gi');
const LIST_ITEM = new RegExp(NUMBER_TOKEN, 'gi');
const TITLE = /[“"][^”"]*[”"]/g;

/**
 * Rule-number mentions in free text, canonical, de-duplicated, in order of first mention.
 * Ranges are expanded ("702.19b–d" gives 702.19b, 702.19c, 702.19d). Numbers are only checked for
 * shape here: callers that know an edition should drop numbers it does not contain.
 */
export function findRuleNumbers(text: string): string[] {
  const found: Mention[] = [];
  for (const match of text.matchAll(SUBRULE_MENTION)) {
    found.push({ at: match.index ?? 0, numbers: subruleMention(match) });
  }
  for (const match of text.matchAll(KEYWORD_MENTION)) {
    found.push(...keywordMentions(match));
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.flatMap((mention) => mention.numbers))];
}

/** Numbers found at one place of the text; `at` keeps the output in reading order. */
interface Mention {
  at: number;
  numbers: string[];
}

function subruleMention(match: RegExpMatchArray): string[] {
  const [, rule, sub, letter, joiner, endRule, endSub, endSubLetter, endLetter] = match;
  const start = `${rule}.${sub}${(letter ?? '').toLowerCase()}`;
  if (!CANONICAL.test(start)) return [];
  // "to"/"through" only make a range between two fully written numbers ("112.6a to 112.6n").
  if (!joiner || (/[a-z]/i.test(joiner) && !endRule)) return [start];

  // "702.19b–d" or "702.19b–702.19d": a run of letters within one subrule.
  const lastLetter = (endLetter ?? (endSub === sub ? endSubLetter : undefined))?.toLowerCase();
  if (letter && lastLetter) {
    return letterRange(`${rule}.${sub}`, letter.toLowerCase(), lastLetter) ?? [start];
  }
  // "119.7–8" or "903.6–903.11": a run of subrules within one rule.
  if (!letter && endSub && !endSubLetter) {
    return numberRange(Number(sub), Number(endSub))?.map((n) => `${rule}.${n}`) ?? [start];
  }
  return [start];
}

function keywordMentions(match: RegExpMatchArray): Mention[] {
  const [whole, , sectionWord, list] = match;
  const listStart = (match.index ?? 0) + whole.length - list.length;
  // Subrules in the list are picked up as subrule mentions; only whole numbers are handled here.
  const wanted = sectionWord ? /^[1-9]$/ : /^[1-9]\d{2}$/;
  // Blank out quoted titles (same length, so positions hold) so digits inside them are not read.
  const numbersOnly = list.replace(TITLE, (title) => ' '.repeat(title.length));
  const items = [...numbersOnly.matchAll(LIST_ITEM)];
  const mentions = items
    .filter((item) => wanted.test(item[0]))
    .map((item) => ({ at: listStart + (item.index ?? 0), numbers: [item[0]] }));
  // "rules 506–511" names the whole run.
  if (items.length === 2 && mentions.length === 2 && /\d\s*(?:[–—-]|to|through)\s*\d/.test(numbersOnly)) {
    const run = numberRange(Number(items[0][0]), Number(items[1][0]));
    if (run) return [{ at: mentions[0].at, numbers: run.map(String) }];
  }
  return mentions;
}

function letterRange(prefix: string, first: string, last: string): string[] | null {
  const from = SUBRULE_LETTERS.indexOf(first);
  const to = SUBRULE_LETTERS.indexOf(last);
  if (from < 0 || to < from) return null;
  return [...SUBRULE_LETTERS.slice(from, to + 1)].map((letter) => prefix + letter);
}

function numberRange(from: number, to: number): number[] | null {
  if (to < from || to - from > MAX_RANGE_LENGTH) return null;
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
