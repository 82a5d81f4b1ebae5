import { createDenseRetriever } from './dense-retriever';
import type { Embedder } from './embedder';
import { InMemoryVectorStore } from './in-memory-vector-store';
import { indexDocumentsDensely, type DenseDocument, type DenseIndexProgress } from './index-documents-densely';

/** Stands in for a real model: one dimension per keyword, so "meaning" is which keywords a text uses. */
class KeywordEmbedder implements Embedder {
  static readonly KEYWORDS = ['lifelink', 'damage', 'flying', 'blocked', 'counter', 'spell', 'draw'];
  readonly inputs: string[] = [];

  constructor(readonly model = 'keyword-test-model') {}

  async embed(texts: string[]): Promise<number[][]> {
    this.inputs.push(...texts);
    return texts.map((text) => {
      const words = text.toLowerCase().split(/[^a-z]+/);
      return KeywordEmbedder.KEYWORDS.map((keyword) => words.filter((word) => word === keyword).length);
    });
  }
}

const DOCS: DenseDocument[] = [
  { id: 'rule:702.15b', kind: 'rule', text: 'Damage dealt by a source with lifelink causes that source’s controller to gain that much life.' },
  { id: 'rule:702.9b', kind: 'rule', text: 'A creature with flying can’t be blocked except by creatures with flying or reach.' },
  { id: 'card:Counterspell', kind: 'card', text: 'Counter target spell.' },
  { id: 'ruling:Counterspell#1', kind: 'ruling', text: 'A spell that can’t be countered is still a legal target: counter it and nothing happens.' },
  { id: 'card:Divination', kind: 'card', text: 'Draw two cards.' },
];
const COLLECTION = 'dense-test';

async function indexed(embedder = new KeywordEmbedder(), docs = DOCS) {
  const store = new InMemoryVectorStore();
  const result = await indexDocumentsDensely({ docs, embedder, store, collection: COLLECTION });
  return { store, embedder, result, retriever: createDenseRetriever(embedder, store, COLLECTION) };
}

describe('dense indexing and retrieval', () => {
  it('finds indexed documents by meaning, best first', async () => {
    const { retriever, store } = await indexed();

    expect(await store.count(COLLECTION)).toBe(DOCS.length);
    expect((await retriever.search('How does lifelink damage work?', { k: 2 }))[0]).toBe('rule:702.15b');
    expect((await retriever.search('can it be blocked if it has flying', { k: 1 }))).toEqual(['rule:702.9b']);
  });

  it('searches only the kinds asked for', async () => {
    const { retriever } = await indexed();

    expect(await retriever.search('counter that spell', { k: 1, kinds: ['card'] })).toEqual(['card:Counterspell']);
    expect(await retriever.search('counter that spell', { k: 1, kinds: ['ruling'] })).toEqual(['ruling:Counterspell#1']);
  });

  it('re-embeds only documents whose text changed when run again', async () => {
    const { store, embedder } = await indexed();
    embedder.inputs.length = 0;
    const revised = DOCS.map((doc) => (doc.id === 'card:Divination' ? { ...doc, text: 'Draw three cards. Flying.' } : doc));

    const result = await indexDocumentsDensely({ docs: revised, embedder, store, collection: COLLECTION });

    expect(result).toEqual({ embedded: 1, skipped: DOCS.length - 1 });
    expect(embedder.inputs).toEqual(['Draw three cards. Flying.']);
    expect(await store.count(COLLECTION)).toBe(DOCS.length);
  });

  it('reports progress after each batch, ending at the total', async () => {
    const seen: DenseIndexProgress[] = [];

    await indexDocumentsDensely({
      docs: DOCS,
      embedder: new KeywordEmbedder(),
      store: new InMemoryVectorStore(),
      collection: COLLECTION,
      batchSize: 2,
      onProgress: (progress) => seen.push(progress),
    });

    expect(seen.map((progress) => progress.done)).toEqual([2, 4, 5]);
    expect(seen.at(-1)).toEqual({ done: 5, total: 5, embedded: 5, skipped: 0 });
  });

  it('adds the task prefixes nomic-embed-text was trained with', async () => {
    const embedder = new KeywordEmbedder('nomic-embed-text:latest');
    const { retriever } = await indexed(embedder, DOCS.slice(0, 1));

    await retriever.search('lifelink', { k: 1 });

    expect(embedder.inputs).toEqual([`search_document: ${DOCS[0].text}`, 'search_query: lifelink']);
  });

  it('answers an empty question with nothing, without calling the model', async () => {
    const { retriever, embedder } = await indexed();
    embedder.inputs.length = 0;

    expect(await retriever.search('   ', { k: 5 })).toEqual([]);
    expect(embedder.inputs).toEqual([]);
  });

  it('fails clearly when the model returns fewer vectors than texts', async () => {
    const broken: Embedder = { model: 'broken-model', embed: async (texts) => texts.slice(1).map(() => [1, 0]) };

    await expect(
      indexDocumentsDensely({ docs: DOCS, embedder: broken, store: new InMemoryVectorStore(), collection: COLLECTION }),
    ).rejects.toThrow('embedding model "broken-model" returned 4 vectors for 5 texts');
  });
});
