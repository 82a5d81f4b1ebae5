/**
 * The kinds of source data Melvin ingests, recognised by file name so an operator can drop
 * a newer download (e.g. `MagicCompRules 20270101.txt`) next to the old one.
 */
export const SOURCE_KINDS = [
  'comprehensive-rules',
  'comprehensive-rules-parse',
  'scryfall-oracle-cards',
  'scryfall-card-dump',
  'scryfall-rulings',
  'combo-sheet',
  'rules-qa',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

interface SourceRule {
  kind: SourceKind;
  matches: RegExp;
}

/** Checked in order: the first rule whose pattern matches the file name wins. */
const RULES: SourceRule[] = [
  { kind: 'comprehensive-rules-parse', matches: /comprules.*\.json(\.gz)?$/i },
  { kind: 'comprehensive-rules', matches: /comp(rehensive)?[ _-]?rules.*\.txt(\.gz)?$/i },
  { kind: 'scryfall-oracle-cards', matches: /oracle[-_]cards.*\.json(\.gz)?$/i },
  { kind: 'scryfall-rulings', matches: /rulings.*\.json(\.gz)?$/i },
  { kind: 'scryfall-card-dump', matches: /(all|default)[-_]cards.*\.json(\.gz)?$/i },
  { kind: 'combo-sheet', matches: /spellbook.*\.json(\.gz)?$/i },
  { kind: 'rules-qa', matches: /qa.*\.jsonl(\.gz)?$/i },
];

/** The kind of a source file from its path, or `undefined` when Melvin does not read it. */
export function classifySourceFile(path: string): SourceKind | undefined {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return RULES.find((rule) => rule.matches.test(fileName))?.kind;
}
