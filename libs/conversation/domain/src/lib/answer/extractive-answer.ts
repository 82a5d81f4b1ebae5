import { findRuleNumbers, normalizeCardName } from '@melvin/knowledge/domain';
import { parseCitations, type Citation } from '../citations/citation';
import { sameLineage } from '../citations/rule-lineage';
import { citationFor, rulesCoveredBy } from '../citations/source-citation';
import { cardNameKeys, isAboutNamedCard } from '../sources/named-cards';
import { byRelevance, type RetrievedSource, type SourceKind } from '../sources/retrieved-source';
import { splitSentences, withoutLeadingRuleNumber } from '../text/sentences';
import { contentTerms } from '../text/terms';

export interface ExtractiveAnswer {
  text: string;
  citations: Citation[];
}

export interface ExtractiveOptions {
  /** How many sentences to quote at most (default 6). */
  maxSentences?: number;
}

/** Said above every extractive answer, so nobody mistakes quoted sources for Melvin's own reasoning. */
export const EXTRACTIVE_HEADING = 'From the rules and card text (quoted as written, not a generated answer):';
export const NOTHING_FOUND = 'I could not find rules, card text or rulings that cover this question.';

interface Section {
  title: string;
  kinds: readonly SourceKind[];
  /** Only sources about a card the question names (true), only others (false), or both. */
  named?: boolean;
}

/** Sections in the order a reader wants them: the cards they asked about, then the rules. */
const SECTIONS: Section[] = [
  { title: 'Card text', named: true, kinds: ['card'] },
  { title: 'Rulings', named: true, kinds: ['ruling'] },
  { title: 'Comprehensive Rules', kinds: ['rule'] },
  { title: 'Related cards', named: false, kinds: ['card'] },
  { title: 'Related rulings', named: false, kinds: ['ruling'] },
];

/** One source never takes more than this share of the answer, so several sources get a say. */
const MAX_SHARE_PER_SOURCE = 0.5;

interface Candidate {
  source: RetrievedSource;
  rank: number;
  named: boolean;
  order: number;
  sentence: string;
  citation: string;
  score: number;
}

/**
 * The answer Melvin gives without a language model (or when it fails): the sentences of the
 * retrieved rules, card text and rulings that share the most with the question, each followed by
 * its citation. Sentences from the cards the question names and from the rules it mentions are
 * preferred; the rest is ranked by overlap with the question's words (rarer words count more)
 * and by how highly retrieval ranked their source. Glossary entries are left out: the rules they
 * point to say the same thing and can be quoted instead.
 */
export function buildExtractiveAnswer(
  question: string,
  sources: readonly RetrievedSource[],
  { maxSentences = 6 }: ExtractiveOptions = {},
): ExtractiveAnswer {
  const candidates = scoreCandidates(question, candidatesOf(question, sources));
  const chosen = choose(candidates, maxSentences);
  if (chosen.length === 0) return { text: NOTHING_FOUND, citations: [] };
  const text = [EXTRACTIVE_HEADING, ...SECTIONS.flatMap((section) => renderSection(section, chosen))].join('\n\n');
  return { text, citations: parseCitations(text) };
}

function candidatesOf(question: string, sources: readonly RetrievedSource[]): Candidate[] {
  return byRelevance(sources).flatMap((source, rank) => {
    const citation = source.kind === 'glossary' ? null : citationFor(source);
    if (!citation) return [];
    const named = isAboutNamedCard(source, question);
    return splitSentences(withoutLeadingRuleNumber(source.text))
      .filter((sentence) => !isNameLine(sentence, source))
      .map((sentence, order) => ({ source, rank, named, order, sentence, citation, score: 0 }));
  });
}

function scoreCandidates(question: string, candidates: Candidate[]): Candidate[] {
  const asked = new Set(contentTerms(question));
  const mentionedRules = findRuleNumbers(question);
  const termsOf = candidates.map((candidate) => new Set(contentTerms(candidate.sentence)));
  // Rarer words say more about which sentence answers the question.
  const weight = new Map(
    [...asked].map((term) => {
      const frequency = termsOf.filter((terms) => terms.has(term)).length;
      return [term, Math.log(1 + candidates.length / (1 + frequency))];
    }),
  );
  const total = [...weight.values()].reduce((sum, w) => sum + w, 0) || 1;
  return candidates.map((candidate, i) => {
    const overlap = [...asked].reduce((sum, term) => sum + (termsOf[i].has(term) ? (weight.get(term) ?? 0) : 0), 0) / total;
    const mentioned = rulesCoveredBy(candidate.source).some((rule) => mentionedRules.some((number) => sameLineage(rule, number)));
    const prior = 1 / (1 + candidate.rank);
    // A named card's rules text is worth quoting even without shared words; its type line or a
    // bare keyword only when the question touches on it.
    const named = candidate.named && (overlap > 0 || isWholeSentence(candidate.sentence));
    const score = overlap + 0.3 * prior + (named ? 0.5 : 0) + (mentioned ? 0.5 : 0);
    return { ...candidate, score: overlap > 0 || named || mentioned ? score : 0 };
  });
}

/** The "Name {2}{R}" line a card's text may open with: the citation already says which card it is. */
function isNameLine(sentence: string, source: RetrievedSource): boolean {
  if (source.kind !== 'card') return false;
  return cardNameKeys(source.ref).includes(normalizeCardName(sentence.replace(/\{[^}]*\}/g, '')));
}

function isWholeSentence(sentence: string): boolean {
  return /[.!?]["”’)]*$/.test(sentence);
}

function choose(candidates: Candidate[], maxSentences: number): Candidate[] {
  const perSource = Math.max(1, Math.ceil(maxSentences * MAX_SHARE_PER_SOURCE));
  const taken = new Map<RetrievedSource, number>();
  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  for (const candidate of [...candidates].sort((a, b) => b.score - a.score || a.rank - b.rank || a.order - b.order)) {
    if (chosen.length >= maxSentences || candidate.score <= 0) break;
    const count = taken.get(candidate.source) ?? 0;
    // The same ruling often appears on several cards; quoting it twice helps nobody.
    const key = candidate.sentence.toLowerCase();
    if (count >= perSource || seen.has(key)) continue;
    taken.set(candidate.source, count + 1);
    seen.add(key);
    chosen.push(candidate);
  }
  // Nothing shares a word with the question: the best-ranked source's first sentence still beats silence.
  if (chosen.length === 0 && candidates.length > 0 && maxSentences > 0) chosen.push(candidates[0]);
  return chosen;
}

function renderSection(section: Section, chosen: Candidate[]): string[] {
  const inSection = chosen
    .filter((c) => section.kinds.includes(c.source.kind) && (section.named === undefined || c.named === section.named))
    .sort((a, b) => a.rank - b.rank || a.order - b.order);
  if (inSection.length === 0) return [];
  return [`${section.title}:\n${inSection.map((c) => `- ${c.sentence} ${c.citation}`).join('\n')}`];
}
