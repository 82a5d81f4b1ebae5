import type { ComprehensiveRules, CrRule, GlossaryEntry } from '../model/rules';
import { findRuleNumbers, parentRuleNumber, ruleDepth } from './rule-number';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const EFFECTIVE_DATE = /effective as of (\w+) (\d{1,2}), (\d{4})/i;

// "100.1a Text", "100.1. Text", and the odd "606.5 Text" or "119.1d. Text" the official file contains.
// Whole rules and sections ("702. Keyword Abilities", "7. Additional Rules") must carry their dot,
// so a wrapped line starting with a quantity is never read as a heading.
const NUMBERED_LINE = /^(\d{3}\.\d+[a-z]?|\d{1,3}(?=\.))\.?\s+(\S.*)$/i;
const SECTION_HEADING = /^[1-9]\. \S/;
const EXAMPLE_LINE = /^Example:\s*(.*)$/;

/**
 * Parses the official Comprehensive Rules text file (any of BOM / LF / CR / CRLF) into numbered
 * entries with parent links, examples and cross-references, plus the glossary.
 */
export function parseComprehensiveRules(text: string): ComprehensiveRules {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n?|\n/)
    .map((line) => line.trimEnd());
  const parts = splitDocument(lines);

  const rules = parseNumberedRules(parts.body);
  if (rules.length === 0) throw new Error('No numbered rules found: is this the Comprehensive Rules text?');
  const glossary = parseGlossary(parts.glossary);

  const known = new Set(rules.map((rule) => rule.number));
  const citedIn = (entryText: string, self?: string) =>
    findRuleNumbers(entryText).filter((number) => known.has(number) && number !== self);
  for (const rule of rules) rule.references = citedIn([rule.text, ...rule.examples].join('\n'), rule.number);
  for (const entry of glossary) entry.references = citedIn(entry.text);

  return { effectiveDate: parseEffectiveDate(text), rules, glossary };
}

/** "These rules are effective as of April 17, 2026." → "2026-04-17". */
export function parseEffectiveDate(text: string): string {
  const match = EFFECTIVE_DATE.exec(text);
  const month = match ? MONTHS.indexOf(match[1].toLowerCase()) + 1 : 0;
  if (!match || month === 0) throw new Error('No "effective as of <Month> <day>, <year>" line found');
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[2].padStart(2, '0')}`;
}

/**
 * The file opens with a table of contents that repeats every section and rule title, and ends with
 * the glossary and credits. The body starts where the first section heading appears a second time
 * (or at its only appearance, should a file come without contents).
 */
function splitDocument(lines: string[]): { body: string[]; glossary: string[] } {
  const firstHeading = lines.findIndex((line) => SECTION_HEADING.test(line));
  const repeated = lines.indexOf(lines[firstHeading], firstHeading + 1);
  const bodyStart = repeated >= 0 ? repeated : Math.max(firstHeading, 0);
  const glossaryStart = indexOrEnd(lines, 'Glossary', bodyStart);
  const creditsStart = indexOrEnd(lines, 'Credits', glossaryStart);
  return {
    body: lines.slice(bodyStart, glossaryStart),
    glossary: lines.slice(glossaryStart + 1, creditsStart),
  };
}

function indexOrEnd(lines: string[], heading: string, from: number): number {
  const at = lines.indexOf(heading, from);
  return at >= 0 ? at : lines.length;
}

function parseNumberedRules(body: string[]): CrRule[] {
  const rules: CrRule[] = [];
  const paragraphs = new Map<CrRule, string[]>();
  let current: CrRule | undefined;

  for (const raw of body) {
    const line = raw.trim();
    if (!line) continue;
    const numbered = NUMBERED_LINE.exec(raw);
    const depth = numbered && ruleDepth(numbered[1].toLowerCase());
    if (numbered && depth) {
      const number = numbered[1].toLowerCase();
      current = { number, parent: parentRuleNumber(number), depth, text: '', examples: [], references: [] };
      rules.push(current);
      paragraphs.set(current, [numbered[2].trim()]);
      continue;
    }
    if (!current) continue;
    const example = EXAMPLE_LINE.exec(line);
    // Indented lines in the file are further paragraphs of the rule above them.
    if (example) current.examples.push(example[1]);
    else paragraphs.get(current)?.push(line);
  }

  for (const [rule, texts] of paragraphs) rule.text = texts.join('\n');
  return rules;
}

/** Glossary entries are blank-line separated: the term on one line, its definition on the next ones. */
function parseGlossary(lines: string[]): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  let block: string[] = [];
  const flush = () => {
    if (block.length > 1) entries.push({ term: block[0], text: block.slice(1).join('\n'), references: [] });
    block = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line) block.push(line);
    else flush();
  }
  flush();
  return entries;
}
