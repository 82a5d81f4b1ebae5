import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ComprehensiveRules, CrRule } from '../model/rules';
import { diffEditions } from './edition-diff';
import { parseComprehensiveRules } from './parse-comprehensive-rules';

const crDir = path.join(path.resolve(process.env['MELVIN_DATA_DIR'] ?? '../shared/data'), 'cr');
const readEdition = (date: string) =>
  parseComprehensiveRules(readFileSync(path.join(crDir, `MagicCompRules ${date}.txt`), 'utf8'));

const rule = (number: string, text: string, examples: string[] = []): CrRule => ({
  number,
  parent: null,
  depth: 'subrule',
  text,
  examples,
  references: [],
});

describe('diffEditions', () => {
  const older: ComprehensiveRules = {
    effectiveDate: '2026-01-01',
    rules: [rule('100.1', 'Same text.'), rule('100.2', 'Old wording.'), rule('100.3', 'Gone soon.')],
    glossary: [{ term: 'Mana', text: 'Old definition.', references: [] }],
  };

  it('reports added, removed and reworded rules and glossary terms', () => {
    const newer: ComprehensiveRules = {
      effectiveDate: '2026-02-01',
      rules: [rule('100.1', 'Same text.'), rule('100.2', 'New wording.'), rule('100.4', 'Brand new.')],
      glossary: [
        { term: 'Mana', text: 'New definition.', references: [] },
        { term: 'Blight', text: 'A new word.', references: [] },
      ],
    };
    expect(diffEditions(older, newer)).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
      added: ['100.4', 'glossary:Blight'],
      removed: ['100.3'],
      changed: ['100.2', 'glossary:Mana'],
    });
  });

  it('counts a changed example as a change, reflowed whitespace not', () => {
    const newer: ComprehensiveRules = {
      ...older,
      rules: [rule('100.1', '  Same\ntext. '), rule('100.2', 'Old wording.', ['Now with an example.']), older.rules[2]],
    };
    expect(diffEditions(older, newer).changed).toEqual(['100.2']);
  });
});

describe('diffEditions on the real editions', () => {
  const november = readEdition('20251114');
  const january = readEdition('20260116');

  it('finds nothing between an edition and itself', () => {
    expect(diffEditions(january, january)).toEqual({
      from: '2026-01-16',
      to: '2026-01-16',
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('reports what the January 2026 update added, removed and reworded', () => {
    const diff = diffEditions(november, january);
    expect(diff).toMatchObject({ from: '2025-11-14', to: '2026-01-16' });
    // January 2026 added the keyword action at 701.68 with its subrules and a glossary entry for it.
    expect(diff.added).toEqual(expect.arrayContaining(['701.68', '701.68a']));
    expect(diff.added.some((key) => key.startsWith('glossary:'))).toBe(true);
    expect(diff.removed.length).toBeGreaterThan(0);
    // Only an example changed in 115.7e; examples are part of what a change means.
    expect(diff.changed).toEqual(expect.arrayContaining(['115.7e', '205.3m']));
    expect(diff.changed.length).toBeLessThan(50);
  });
});
