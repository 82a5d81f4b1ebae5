/**
 * The collection holding one model's vectors. Model and size are both in the name, so changing
 * either starts a fresh collection instead of mixing vectors that cannot be compared.
 */
export function denseCollectionName(model: string, dimensions: number): string {
  if (!Number.isInteger(dimensions) || dimensions <= 0) {
    throw new Error(`embedding size must be a positive integer, got ${dimensions}`);
  }
  // Ollama treats "name" and "name:latest" as the same model.
  const canonical = model.trim().replace(/:latest$/, '');
  if (canonical === '') throw new Error('an embedding model name is required');
  return `melvin-dense-${escapeForCollection(canonical)}-${dimensions}`;
}

/**
 * Qdrant refuses characters such as ":" and "/" in collection names, and both occur in
 * model names. A fixed-width escape, applied to "_" as well, keeps distinct model names distinct.
 */
function escapeForCollection(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]/g, (char) => `_${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
