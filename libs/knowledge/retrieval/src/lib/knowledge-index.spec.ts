import type { CardRecord } from '@melvin/knowledge/domain';
import { realCorpus } from '../test-support/real-corpus';
import type { KnowledgeCorpus } from './knowledge-corpus';
import { buildKnowledgeIndex, type KnowledgeIndex } from './knowledge-index';
import { documentId, type SearchHit } from './knowledge-document';

// One build of the real corpus (rules, ~35k cards, ~45k rulings) serves every case.
let corpus: KnowledgeCorpus;
let index: KnowledgeIndex;
beforeAll(() => {
  corpus = realCorpus();
  index = buildKnowledgeIndex(corpus);
}, 120_000);

const refs = (hits: SearchHit[]) => hits.map((hit) => hit.ref);
const rulesFor = (question: string, k = 10) => refs(index.search(question, { k, kinds: ['rule'] }));
const cardNamed = (name: string): CardRecord => {
  const card = index.cardNames.exact(name);
  if (!card) throw new Error(`${name} is not in the card data`);
  return card;
};

describe('searching the knowledge base', () => {
  it('brings the deathtouch rule to a question about a card with deathtouch that never says "deathtouch"', () => {
    expect(cardNamed('Typhoid Rats').keywords).toContain('Deathtouch');
    expect(rulesFor('If [[Typhoid Rats]] blocks a 5/5 creature, what happens to that creature?')).toContain('702.2');
  });

  it('brings a bracketed card, and its rulings on the asked-about topic first', () => {
    const season = cardNamed('Doubling Season');
    const hits = index.search('How does [[Doubling Season]] work with planeswalkers?');
    expect(hits.map((hit) => hit.id)).toContain(documentId('card', season.oracleId));
    const rulings = hits.filter((hit) => hit.kind === 'ruling');
    expect(rulings.length).toBeGreaterThan(0);
    expect(rulings.every((ruling) => ruling.oracleId === season.oracleId && ruling.ref === 'Doubling Season' && ruling.publishedAt)).toBe(true);
    expect(rulings[0].text).toMatch(/planeswalker/i);
  });

  it('reaches the state-based action for a creature with 0 toughness', () => {
    expect(rulesFor('What happens to a creature with 0 toughness?', 5)).toContain('704.5f');
    expect(rulesFor('My creature got -2/-2 and now has zero toughness, is it gone?', 5)).toContain('704.5f');
  });

  it('understands ETB and CMC as the rules word them', () => {
    // 603.6a says "Enters-the-battlefield abilities trigger when a permanent enters the battlefield".
    expect(rulesFor('When does an ETB ability trigger?', 3)).toContain('603.6a');
    const cmcRules = index.search('What is the CMC of a split card?', { k: 3, kinds: ['rule'] });
    expect(cmcRules.some((hit) => /mana value of a split card/i.test(hit.text))).toBe(true);
  });

  it('puts a rule the question cites by number first', () => {
    expect(rulesFor('Under rule 510.1c, can I split the damage between blockers?')[0]).toBe('510.1c');
    expect(rulesFor('How does CR 613 apply here?')[0]).toBe('613');
  });

  it('pulls the glossary entry of a term the question uses, and the rules it cites', () => {
    expect(refs(index.search('If a spell was kicked, does its mana value change?', { k: 3, kinds: ['glossary'] }))).toContain('Kicker, Kicked');
    expect(rulesFor('How does banding work when my creatures attack?', 5).every((number) => number.startsWith('702.22'))).toBe(true);
  });

  it('returns only the kinds asked for, and at most k hits, best first', () => {
    const question = 'Does trample damage go through a creature with protection?';
    const onlyGlossaryAndCards = index.search(question, { kinds: ['glossary', 'card'], k: 7 });
    expect(onlyGlossaryAndCards).toHaveLength(7);
    expect(new Set(onlyGlossaryAndCards.map((hit) => hit.kind))).toEqual(new Set(['glossary', 'card']));
    expect(index.search(question, { k: 3 })).toHaveLength(3);
    expect(index.search(question)).toHaveLength(10);
    const scores = index.search(question, { k: 20 }).map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('promotes documents that an extra ranking (dense retrieval) agrees on', () => {
    const question = 'Can I respond to a spell?';
    const tenth = index.search(question, { k: 10, kinds: ['rule'] })[9];
    const fused = index.search(question, { k: 10, kinds: ['rule'], extraRankings: [{ ids: [tenth.id], weight: 2 }] });
    expect(fused[0].id).toBe(tenth.id);
    // Ids of kinds that were not asked for are ignored.
    const glossaryOnly = index.search(question, { kinds: ['glossary'], extraRankings: [{ ids: [tenth.id] }] });
    expect(glossaryOnly.every((hit) => hit.kind === 'glossary')).toBe(true);
  });

  it('keeps tokens and other non-game cards out of search, but can still show them', () => {
    const token = corpus.cards.find((card) => card.nonGameReason === 'token');
    if (!token) throw new Error('expected tokens in the card data');
    expect(index.card(token.oracleId)).toBe(token);
    expect(index.documents().some((document) => document.id === documentId('card', token.oracleId))).toBe(false);
    const hits = index.search(`What does the ${token.name} token do?`, { k: 50, kinds: ['card'] });
    expect(hits.map((hit) => hit.oracleId)).not.toContain(token.oracleId);
  });
});

describe('looking things up', () => {
  it('gives a rule with its subrules, examples and the rules it cites', () => {
    const trample = index.rule('702.19');
    expect(trample?.rule.text).toBe('Trample');
    expect(trample?.subrules.map((rule) => rule.number)).toEqual(expect.arrayContaining(['702.19a', '702.19b', '702.19c']));
    expect(trample?.subrules.some((rule) => rule.examples.length > 0)).toBe(true);
    expect(trample?.cites.length).toBeGreaterThan(0);
    expect(index.rule('CR 702.19B.')?.rule.number).toBe('702.19b');
    expect(index.rule('999.99')).toBeUndefined();
  });

  it('finds glossary entries whatever the case', () => {
    expect(index.glossary('state-based actions')?.term).toBe('State-Based Actions');
    expect(index.glossary('no such term')).toBeUndefined();
  });

  it('gives a card and its rulings by oracle id', () => {
    const season = cardNamed('Doubling Season');
    expect(index.card(season.oracleId)?.name).toBe('Doubling Season');
    expect(index.rulingsFor(season.oracleId).length).toBeGreaterThan(0);
    expect(index.rulingsFor('no-such-card')).toEqual([]);
  });

  it('lists every document under a stable id, and counts them', () => {
    const ids = index.documents().map((document) => document.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['rule:702.19b', 'glossary:Trample']));
    const stats = index.stats();
    expect(stats.documents).toBe(ids.length);
    expect(stats.documents).toBe(stats.rules + stats.glossary + stats.gameCards + stats.rulings);
    expect(stats.gameCards).toBeLessThan(stats.cards);
  });
});
