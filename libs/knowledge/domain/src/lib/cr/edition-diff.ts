import type { ComprehensiveRules, CrEditionDiff } from '../model/rules';

/** Prefix that tells glossary entries apart from rule numbers in a diff. */
export const GLOSSARY_DIFF_PREFIX = 'glossary:';

/**
 * What changed between two editions: rule numbers (and "glossary:<term>" entries) that were added,
 * removed, or whose text or examples differ. Reflowed whitespace is not a change. Entries keep
 * document order: added and changed as in the newer edition, removed as in the older one.
 */
export function diffEditions(older: ComprehensiveRules, newer: ComprehensiveRules): CrEditionDiff {
  const before = comparableEntries(older);
  const after = comparableEntries(newer);
  return {
    from: older.effectiveDate,
    to: newer.effectiveDate,
    added: [...after.keys()].filter((key) => !before.has(key)),
    removed: [...before.keys()].filter((key) => !after.has(key)),
    changed: [...after].filter(([key, content]) => before.has(key) && before.get(key) !== content).map(([key]) => key),
  };
}

/** Each rule and glossary term keyed for the diff, with its wording flattened for comparison. */
function comparableEntries(edition: ComprehensiveRules): Map<string, string> {
  const entries = new Map<string, string>();
  for (const rule of edition.rules) {
    const paragraphs = [rule.text, ...rule.examples.map((example) => `Example: ${example}`)];
    entries.set(rule.number, paragraphs.map(squeeze).join('\n'));
  }
  for (const entry of edition.glossary) {
    entries.set(GLOSSARY_DIFF_PREFIX + entry.term, squeeze(entry.text));
  }
  return entries;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
