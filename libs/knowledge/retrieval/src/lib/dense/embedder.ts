/** Turns texts into vectors, one per text and in the same order; every vector of a model has the same length. */
export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}

/** What a model expects in front of a search query and of an indexed passage. */
export interface EmbeddingInstructions {
  query: string;
  document: string;
}

const NO_INSTRUCTIONS: EmbeddingInstructions = { query: '', document: '' };

/**
 * Some models were trained with task prefixes and rank noticeably worse without them,
 * so Melvin adds them itself rather than asking operators to know.
 */
const KNOWN_INSTRUCTIONS: ReadonlyArray<[RegExp, EmbeddingInstructions]> = [
  [/nomic-embed-text/i, { query: 'search_query: ', document: 'search_document: ' }],
  [/mxbai-embed-large/i, { query: 'Represent this sentence for searching relevant passages: ', document: '' }],
];

export function embeddingInstructions(model: string): EmbeddingInstructions {
  return KNOWN_INSTRUCTIONS.find(([pattern]) => pattern.test(model))?.[1] ?? NO_INSTRUCTIONS;
}
