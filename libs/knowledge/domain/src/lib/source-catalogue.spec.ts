import { classifySourceFile } from './source-catalogue';

describe('classifySourceFile', () => {
  it.each([
    ['cr/MagicCompRules 20260417.txt', 'comprehensive-rules'],
    ['cr/rulesraker-MagicCompRules-20260116.json', 'comprehensive-rules-parse'],
    ['scryfall/oracle-cards-20260306.json.gz', 'scryfall-oracle-cards'],
    ['scryfall/rulings-20220425.json.gz', 'scryfall-rulings'],
    ['scryfall/all_cards_mrd.json', 'scryfall-card-dump'],
    ['combos/commander-spellbook-sheet-2020-07-normalized.json', 'combo-sheet'],
    ['qa/stackexchange-mtg-qa.jsonl.gz', 'rules-qa'],
  ])('recognises %s as %s', (path, kind) => {
    expect(classifySourceFile(path)).toBe(kind);
  });

  it('ignores files Melvin does not read', () => {
    expect(classifySourceFile('README.md')).toBeUndefined();
    expect(classifySourceFile('notes/cards.csv')).toBeUndefined();
  });
});
