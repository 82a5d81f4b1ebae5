/**
 * The lines of a newline-delimited JSON body as they arrive, however the bytes are chunked
 * (a JSON object may be split across network packets). Blank lines are skipped. Stopping early
 * cancels the body, which closes the connection.
 */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') yield line;
    }
    finished = true;
    buffered += decoder.decode();
    if (buffered.trim() !== '') yield buffered;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
