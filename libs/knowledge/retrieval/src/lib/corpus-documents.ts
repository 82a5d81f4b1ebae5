import type { CardRecord, CardRuling, CrRule, GlossaryEntry } from '@melvin/knowledge/domain';
import type { KnowledgeCorpus } from './knowledge-corpus';
import { documentId, type KnowledgeDocument } from './knowledge-document';

// A parent subrule this short is a heading ("702.19 Trample"), worth repeating in its children.
const HEADING_LENGTH = 60;

/** The searchable documents of a corpus; cards that are not game cards (tokens, art series) are left out. */
export function corpusDocuments(corpus: KnowledgeCorpus): KnowledgeDocument[] {
  const byNumber = new Map(corpus.rules.rules.map((rule) => [rule.number, rule]));
  const cardNames = new Map(corpus.cards.map((card) => [card.oracleId, card.name]));
  return [
    ...corpus.rules.rules.map((rule) => ruleDocument(rule, byNumber)),
    ...corpus.rules.glossary.map(glossaryDocument),
    ...corpus.cards.filter((card) => !card.nonGame).map(cardDocument),
    ...rulingDocuments(corpus.rulings, cardNames),
  ];
}

export function ruleDocument(rule: CrRule, byNumber: ReadonlyMap<string, CrRule>): KnowledgeDocument {
  return {
    id: documentId('rule', rule.number),
    kind: 'rule',
    ref: rule.number,
    title: ruleHeadings(rule, byNumber).join(' — '),
    text: [rule.text, ...rule.examples.map((example) => `Example: ${example}`)].join('\n'),
  };
}

/** The titles above a rule: "Keyword Abilities — Trample" for 702.19b. */
function ruleHeadings(rule: CrRule, byNumber: ReadonlyMap<string, CrRule>): string[] {
  const headings: string[] = [];
  for (let parent = rule.parent && byNumber.get(rule.parent); parent; parent = parent.parent && byNumber.get(parent.parent)) {
    if (parent.depth !== 'section' && parent.text.length <= HEADING_LENGTH) headings.unshift(parent.text);
  }
  return headings;
}

function glossaryDocument(entry: GlossaryEntry): KnowledgeDocument {
  return { id: documentId('glossary', entry.term), kind: 'glossary', ref: entry.term, title: entry.term, text: entry.text };
}

function cardDocument(card: CardRecord): KnowledgeDocument {
  return {
    id: documentId('card', card.oracleId),
    kind: 'card',
    ref: card.name,
    title: [card.name, ...card.keywords].join(' '),
    text: [card.typeLine, card.oracleText].filter(Boolean).join('\n'),
    oracleId: card.oracleId,
  };
}

function rulingDocuments(rulings: CardRuling[], cardNames: ReadonlyMap<string, string>): KnowledgeDocument[] {
  const seen = new Map<string, number>();
  return rulings.map((ruling) => {
    const position = seen.get(ruling.oracleId) ?? 0;
    seen.set(ruling.oracleId, position + 1);
    const name = cardNames.get(ruling.oracleId) ?? '';
    return {
      id: documentId('ruling', ruling.oracleId, position),
      kind: 'ruling',
      ref: name,
      title: name,
      text: ruling.comment,
      oracleId: ruling.oracleId,
      publishedAt: ruling.publishedAt,
    };
  });
}
