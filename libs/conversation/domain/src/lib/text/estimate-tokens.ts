/**
 * Rough token count for budgeting a prompt: about four characters per token, which is what
 * Llama-family and similar BPE tokenizers average on English prose. It is only used to decide how
 * much context fits, so erring by ten or twenty percent costs a source at the margin, nothing more.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
