import { denseCollectionName } from './dense-collection-name';

describe('denseCollectionName', () => {
  it('gives each model and vector size its own collection', () => {
    const names = new Set([
      denseCollectionName('nomic-embed-text', 768),
      denseCollectionName('nomic-embed-text', 256),
      denseCollectionName('nomic-embed-text:v1.5', 768),
      denseCollectionName('mxbai-embed-large', 768),
    ]);

    expect(names.size).toBe(4);
  });

  it('treats a model and its ":latest" tag as the same model, as Ollama does', () => {
    expect(denseCollectionName('nomic-embed-text:latest', 768)).toBe(denseCollectionName('nomic-embed-text', 768));
  });

  it('produces names Qdrant accepts, even from registry paths and tags', () => {
    const name = denseCollectionName('hf.co/nomic-ai/nomic-embed-text-v1.5-GGUF:Q8_0', 768);

    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(name).toContain('nomic-embed-text-v1.5-GGUF');
  });

  it('keeps models apart whose names differ only in characters it has to escape', () => {
    const names = ['a_b', 'a:b', 'a/b', 'a_003ab'].map((model) => denseCollectionName(model, 8));

    expect(new Set(names).size).toBe(names.length);
  });

  it('refuses a missing model or a meaningless vector size', () => {
    expect(() => denseCollectionName(' ', 768)).toThrow(/model/);
    expect(() => denseCollectionName('nomic-embed-text', 0)).toThrow(/size/);
  });
});
