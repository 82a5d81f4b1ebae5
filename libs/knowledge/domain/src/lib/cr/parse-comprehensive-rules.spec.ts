import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComprehensiveRules, CrRule } from '../model/rules';
import { parseComprehensiveRules } from './parse-comprehensive-rules';

const crDir = path.join(path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data'), 'cr');
const readEdition = (date: string) => readFileSync(path.join(crDir, `MagicCompRules ${date}.txt`), 'utf8');

const EDITIONS = ['20251114', '20260116', '20260417'] as const;

describe('parseComprehensiveRules on a small document', () => {
  // The same shape as the official file: BOM, contents, body, glossary, credits; CRLF line ends.
  const fixture = [
    '\uFEFFMagic: The Gathering Comprehensive Rules',
    '',
    'These rules are effective as of March 3, 2027.',
    '',
    'Contents',
    '',
    '1. Game Concepts',
    '100. General',
    '',
    'Glossary',
    '',
    'Credits',
    '',
    '1. Game Concepts',
    '',
    '100. General',
    '',
    '100.1. Everything here is general. See rule 100.1a, rule 999.9 and rules 100.2–3.',
    'Example: A general example.',
    '',
    '100.1a A detail, see section 1.',
    '     A second paragraph of the detail.',
    'Example: First example.',
    'Example: Second example.',
    '',
    '100.2 A rule missing its dot.',
    '',
    '100.3. Another rule.',
    '',
    'Glossary',
    '',
    'General',
    '1. The first sense.',
    '2. The second sense. See rule 100.',
    '',
    'Credits',
    '',
    'Someone, 100.1 times over',
  ].join('\r\n');
  const cr = parseComprehensiveRules(fixture);
  const rule = (number: string) => cr.rules.find((r) => r.number === number);

  it('reads the effective date as an ISO date', () => {
    expect(cr.effectiveDate).toBe('2027-03-03');
  });

  it('skips the contents and stops at the glossary', () => {
    expect(cr.rules.map((r) => r.number)).toEqual(['1', '100', '100.1', '100.1a', '100.2', '100.3']);
    expect(rule('1')?.text).toBe('Game Concepts');
  });

  it('keeps examples out of the rule text and extra paragraphs in it', () => {
    expect(rule('100.1a')).toMatchObject({
      text: 'A detail, see section 1.\nA second paragraph of the detail.',
      examples: ['First example.', 'Second example.'],
    });
  });

  it('keeps only references to rules the document contains', () => {
    expect(rule('100.1')?.references).toEqual(['100.1a', '100.2', '100.3']);
    expect(rule('100.1a')?.references).toEqual(['1']);
  });

  it('keeps numbered senses of a glossary term in its text', () => {
    expect(cr.glossary).toEqual([
      { term: 'General', text: '1. The first sense.\n2. The second sense. See rule 100.', references: ['100'] },
    ]);
  });

  it('reads bare CR and LF line ends alike', () => {
    expect(parseComprehensiveRules(fixture.replace(/\r\n/g, '\r'))).toEqual(cr);
    expect(parseComprehensiveRules(fixture.replace(/\r\n/g, '\n'))).toEqual(cr);
  });

  it('refuses text that is not the Comprehensive Rules', () => {
    expect(() => parseComprehensiveRules('These rules are effective as of May 1, 2020.\n\nHello')).toThrow();
    expect(() => parseComprehensiveRules('100.1. A rule without a date.')).toThrow(/effective/);
  });
});

describe.each(EDITIONS)('parseComprehensiveRules on the %s edition', (date) => {
  let cr: ComprehensiveRules;
  let byNumber: Map<string, CrRule>;
  beforeAll(() => {
    cr = parseComprehensiveRules(readEdition(date));
    byNumber = new Map(cr.rules.map((rule) => [rule.number, rule]));
  });

  it('takes its effective date from the text', () => {
    expect(cr.effectiveDate).toBe(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}`);
  });

  it('finds the nine sections and over three thousand numbered entries, each once', () => {
    expect(cr.rules.filter((rule) => rule.depth === 'section').map((rule) => rule.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
    ]);
    expect(cr.rules.length).toBeGreaterThan(3200);
    expect(byNumber.size).toBe(cr.rules.length);
  });

  it('links every entry to a parent that exists', () => {
    const chain: string[] = [];
    for (let at = byNumber.get('702.19c'); at; at = at.parent ? byNumber.get(at.parent) : undefined) {
      chain.push(`${at.number} ${at.depth}`);
    }
    expect(chain).toEqual(['702.19c subsubrule', '702.19 subrule', '702 rule', '7 section']);
    expect(cr.rules.filter((rule) => rule.parent !== null && !byNumber.has(rule.parent))).toEqual([]);
  });

  it('reads headings from the body, not the contents', () => {
    expect(byNumber.get('702')?.text).toBe('Keyword Abilities');
    expect(byNumber.get('702.19')?.text).toBe('Trample');
    expect(byNumber.get('100.1')?.text).toMatch(/^These Magic rules apply to any Magic game/);
  });

  it('separates examples from rule text', () => {
    const trampleOverPlaneswalkers = byNumber.get('702.19c');
    expect(trampleOverPlaneswalkers?.text).toMatch(/^Trample over planeswalkers is a variant of trample/);
    expect(trampleOverPlaneswalkers?.examples).toHaveLength(1);
    expect(trampleOverPlaneswalkers?.examples[0]).toMatch(/^A player controls a planeswalker with three loyalty/);
    expect(cr.rules.filter((rule) => /Example:/.test(rule.text))).toEqual([]);
    expect(cr.rules.reduce((sum, rule) => sum + rule.examples.length, 0)).toBeGreaterThan(250);
  });

  it('resolves cross-references to existing rules, ranges included', () => {
    expect(byNumber.get('702.19c')?.references).toEqual(['702.19b']);
    expect(byNumber.get('100.1b')?.references).toEqual(['8']);
    const citesRange = cr.rules.find((rule) => rule.text.includes('601.2f–h'));
    expect(citesRange?.references).toEqual(expect.arrayContaining(['601.2f', '601.2g', '601.2h']));
    const all = cr.rules.flatMap((rule) => rule.references).concat(cr.glossary.flatMap((entry) => entry.references));
    expect(all.filter((number) => !byNumber.has(number))).toEqual([]);
  });

  it('reads the glossary up to the credits', () => {
    expect(cr.glossary.length).toBeGreaterThan(700);
    const trample = cr.glossary.find((entry) => entry.term === 'Trample');
    expect(trample?.text).toMatch(/^A keyword ability that modifies how a creature assigns combat damage/);
    expect(trample?.references).toEqual(['702.19']);
    expect(cr.glossary.find((entry) => entry.term === 'Ability')?.text).toMatch(/^1\. .+\n2\. .+/);
    expect(cr.glossary.filter((entry) => /Richard Garfield|Wizards of the Coast LLC/.test(entry.text))).toEqual([]);
  });
});

describe('parseComprehensiveRules against a third-party parse of the 2026-01-16 edition', () => {
  interface OracleRule {
    ID: string;
    Body: string[];
    Examples?: string[];
  }
  interface OracleGlossaryEntry {
    KeyText: string;
    Body: string;
  }
  const oracle = JSON.parse(readFileSync(path.join(crDir, 'rulesraker-MagicCompRules-20260116.json'), 'utf8')) as {
    Rules: OracleRule[];
    Glossary: OracleGlossaryEntry[];
  };
  const cr = parseComprehensiveRules(readEdition('20260116'));

  it('finds exactly the same rule numbers', () => {
    // rulesraker writes rules as "100.1." and subrules as "100.1a"; Melvin drops the trailing dot.
    const theirs = oracle.Rules.map((rule) => rule.ID.replace(/\.$/, ''));
    expect(cr.rules.map((rule) => rule.number)).toEqual(theirs);
  });

  it('agrees on every rule text and example', () => {
    const theirs = new Map(oracle.Rules.map((rule) => [rule.ID.replace(/\.$/, ''), rule]));
    const disagreements = cr.rules.filter((rule) => {
      const other = theirs.get(rule.number);
      return other?.Body.join('\n') !== rule.text || (other.Examples ?? []).join('\n') !== rule.examples.join('\n');
    });
    expect(disagreements).toEqual([]);
  });

  it('finds the same glossary terms with the same definitions', () => {
    expect(cr.glossary.map((entry) => [entry.term, entry.text])).toEqual(
      oracle.Glossary.map((entry) => [entry.KeyText, entry.Body]),
    );
  });
});
