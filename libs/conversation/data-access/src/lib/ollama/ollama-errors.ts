/** Anything that kept Ollama from delivering a whole answer. The chat service then answers extractively. */
export class OllamaError extends Error {
  override name = 'OllamaError';
}

/** Every generation slot is taken and the waiting line is full: the user should try again shortly. */
export class OllamaBusyError extends OllamaError {
  override name = 'OllamaBusyError';
  constructor(
    readonly maxConcurrent: number,
    readonly maxQueue: number,
  ) {
    super(`The language model is busy: ${maxConcurrent} answer(s) are being written and ${maxQueue} more are waiting. Try again in a moment.`);
  }
}

/** Ollama could not be reached, or refused the request before streaming (unknown model, bad request). */
export class OllamaRequestError extends OllamaError {
  override name = 'OllamaRequestError';
  constructor(
    message: string,
    /** The HTTP status, when Ollama answered at all. */
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The answer broke off mid-way; `partial` holds what had arrived, for the caller to keep. */
export class OllamaStreamError extends OllamaError {
  override name = 'OllamaStreamError';
  constructor(
    message: string,
    readonly partial: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The caller gave up (typically the user disconnected); `partial` holds what had arrived. */
export class OllamaAbortedError extends OllamaError {
  override name = 'OllamaAbortedError';
  constructor(
    readonly partial: string,
    options?: ErrorOptions,
  ) {
    super('The answer was cancelled before it was complete.', options);
  }
}
