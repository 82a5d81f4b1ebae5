import {
  buildExtractiveAnswer,
  buildPrompt,
  checkCitations,
  parseCitations,
  understandQuestion,
  type Citation,
  type RetrievedSource,
} from '@melvin/conversation/domain';
import { OllamaAbortedError, OllamaStreamError, type OllamaChatClient, type OllamaChatStream } from '../ollama';
import { clarificationText, loopAnswerText, NO_VALID_CITATION_CAVEAT, PARTIAL_NOTE, storedCitation } from './answer-text';
import type { AnswerKnowledge, AnswerOutcome, AnswerRequest, LoopChecker } from './answer-types';

export interface AnswerPipelineOptions {
  knowledge: AnswerKnowledge;
  /** Ollama; without it every answer is extractive. */
  generator?: OllamaChatClient;
  loops?: LoopChecker;
  /** Prompt size for the sources and history: a 4-core CPU reads long prompts slowly. */
  tokenBudget: number;
  /** Sources retrieved per question. */
  retrievalK?: number;
}

/** What the model wrote in one attempt, with how it ended. */
interface Generation {
  text: string;
  ended: 'complete' | 'interrupted' | 'cancelled';
  stream: OllamaChatStream | null;
}

const EXTRACTIVE_CHUNK = /[^\n]*\n*|[^\n]+$/g;

/**
 * Answers one question: understand it, retrieve, then generate (Ollama) or quote (extractive),
 * check every citation against what exists, and report each step as an event.
 */
export class AnswerPipeline {
  constructor(private readonly options: AnswerPipelineOptions) {}

  async answer(request: AnswerRequest): Promise<AnswerOutcome> {
    const started = Date.now();
    const { knowledge } = this.options;
    const understood = understandQuestion(request.question, request.history, { findCardNames: (text) => knowledge.findCardNames(text) });
    if (!understood.aboutMagic) {
      return this.quoted(request, started, { content: understood.refusal ?? 'I can only help with Magic: The Gathering rules.', mode: 'refused', flags: ['off-topic'] });
    }
    const ambiguous = knowledge.ambiguousNames(request.question);
    const sources = await this.retrieve(understood.retrievalQuery);
    const retrievalMs = Date.now() - started;
    request.onEvent({
      type: 'retrieval',
      sources: sources.map(({ id, kind, ref, oracleId, publishedAt, score, text }) => ({ id, kind, ref, oracleId, publishedAt, score, text: text.slice(0, 300) })),
      cards: understood.cardNames,
      ambiguous,
      elapsedMs: retrievalMs,
    });
    const trace = sources.map(({ id, kind, ref, score }) => ({ id, kind, ref, score }));
    const flags = understood.followUp ? ['follow-up'] : [];

    if (ambiguous.length) {
      return this.quoted(request, started, { content: clarificationText(ambiguous), mode: 'extractive', flags: [...flags, 'clarification'], trace, retrievalMs });
    }
    if (understood.asksAboutLoops && understood.cardNames.length && this.options.loops) {
      const found = await this.options.loops.analyse(understood.cardNames).catch(() => null);
      if (found) {
        return this.quoted(request, started, { content: loopAnswerText(found.cards, found.loops), mode: 'loop', flags, trace, retrievalMs, sources });
      }
      flags.push('loop-analysis-unavailable');
    }
    if (this.options.generator) {
      const generated = await this.generate(request, sources, { started, retrievalMs, trace, flags });
      if (generated) return generated;
      flags.push('model-unavailable');
    }
    const extractive = buildExtractiveAnswer(request.question, sources, { maxSentences: 6 });
    return this.quoted(request, started, { content: extractive.text, mode: 'extractive', flags, trace, retrievalMs, sources });
  }

  /**
   * The best sources of every kind, plus the best rules on their own: named cards and their
   * rulings rank high, and the rule that governs the question must not be crowded out by them.
   */
  private async retrieve(query: string): Promise<RetrievedSource[]> {
    const k = this.options.retrievalK ?? 12;
    const [mixed, rules] = await Promise.all([this.options.knowledge.search(query, k), this.options.knowledge.search(query, Math.ceil(k / 2), ['rule'])]);
    const seen = new Set(mixed.map((source) => source.id));
    return [...mixed, ...rules.filter((source) => !seen.has(source.id))];
  }

  /** Answers that are composed at once (extractive, loops, refusals) still stream, in a few chunks. */
  private quoted(
    request: AnswerRequest,
    started: number,
    answer: { content: string; mode: AnswerOutcome['mode']; flags: string[]; trace?: AnswerOutcome['retrieval']; retrievalMs?: number; sources?: RetrievedSource[] },
  ): AnswerOutcome {
    const firstTokenMs = Date.now() - started;
    const check = answer.sources ? this.check(answer.content, answer.sources) : null;
    const content = check ? check.text : answer.content;
    for (const chunk of content.match(EXTRACTIVE_CHUNK) ?? []) if (chunk) request.onEvent({ type: 'token', text: chunk });
    return {
      content,
      mode: answer.mode,
      status: 'complete',
      citations: (check?.valid ?? parseCitations(content)).map(storedCitation),
      invalidCitations: (check?.invalid ?? []).map(storedCitation),
      flags: check?.invalid.length ? [...answer.flags, 'invalid-citations-removed'] : answer.flags,
      retrieval: answer.trace ?? [],
      timings: { retrievalMs: answer.retrievalMs, firstTokenMs, totalMs: Date.now() - started },
      citationValidity: check?.validity ?? 1,
    };
  }

  /** Generated answer, retried once with a stricter prompt when it cites nothing real; null → fall back. */
  private async generate(
    request: AnswerRequest,
    sources: RetrievedSource[],
    context: { started: number; retrievalMs: number; trace: AnswerOutcome['retrieval']; flags: string[] },
  ): Promise<AnswerOutcome | null> {
    let firstTokenMs: number | undefined;
    let attempt: Generation | null = null;
    let check: ReturnType<AnswerPipeline['check']> | null = null;
    for (const strict of [false, true]) {
      const prompt = buildPrompt({ question: request.question, history: request.history, sources, tokenBudget: this.options.tokenBudget, strict });
      if (strict) request.onEvent({ type: 'reset', reason: 'The first answer cited no source Melvin holds; asking again with stricter instructions.' });
      attempt = await this.stream(request, [{ role: 'system', content: prompt.system }, ...prompt.messages], () => {
        firstTokenMs ??= Date.now() - context.started;
      });
      if (!attempt) return null;
      check = this.check(attempt.text, prompt.sources);
      if (attempt.ended !== 'complete' || check.valid.length > 0 || saysItDoesNotKnow(attempt.text)) break;
    }
    if (!attempt || !check) return null;
    const flags = [...context.flags];
    let content = check.text;
    if (check.invalid.length) flags.push('invalid-citations-removed');
    if (attempt.ended === 'complete' && !check.valid.length && !saysItDoesNotKnow(attempt.text)) {
      flags.push('no-valid-citation');
      content += NO_VALID_CITATION_CAVEAT;
    }
    if (attempt.ended !== 'complete') {
      flags.push(attempt.ended === 'cancelled' ? 'cancelled' : 'stream-interrupted');
      content += PARTIAL_NOTE;
    }
    const stats = attempt.stream?.stats ?? null;
    return {
      content,
      mode: 'generated',
      status: attempt.ended === 'complete' ? 'complete' : attempt.text ? 'partial' : 'failed',
      citations: check.valid.map(storedCitation),
      invalidCitations: check.invalid.map(storedCitation),
      flags,
      retrieval: context.trace,
      timings: { retrievalMs: context.retrievalMs, firstTokenMs, totalMs: Date.now() - context.started },
      ...(stats ? { model: stats.model, tokens: { prompt: stats.promptTokens, completion: stats.outputTokens }, tokensPerSecond: stats.tokensPerSecond } : {}),
      citationValidity: check.validity,
    };
  }

  /** One streamed generation; null when the model could not start (busy line full, unreachable, unknown model). */
  private async stream(request: AnswerRequest, messages: Array<{ role: 'system' | 'user' | 'assistant'; content: string }>, onFirstToken: () => void): Promise<Generation | null> {
    let stream: OllamaChatStream;
    try {
      stream = await (this.options.generator as OllamaChatClient).chat({
        messages,
        signal: request.signal,
        onQueued: (position) => request.onEvent({ type: 'queued', position }),
      });
    } catch (error) {
      if (error instanceof OllamaAbortedError) return { text: '', ended: 'cancelled', stream: null };
      return null;
    }
    try {
      for await (const piece of stream) {
        onFirstToken();
        request.onEvent({ type: 'token', text: piece });
      }
      return { text: stream.text, ended: 'complete', stream };
    } catch (error) {
      if (error instanceof OllamaAbortedError) return { text: error.partial, ended: 'cancelled', stream };
      if (error instanceof OllamaStreamError) return { text: error.partial, ended: 'interrupted', stream };
      throw error;
    }
  }

  private check(text: string, sources: readonly RetrievedSource[]) {
    const { knowledge } = this.options;
    return checkCitations(text, sources, (citation: Citation) =>
      citation.kind === 'rule' ? knowledge.ruleExists(citation.target) : knowledge.cardExists(citation.target),
    );
  }
}

function saysItDoesNotKnow(text: string): boolean {
  return /\bI don['’]t know\b/i.test(text);
}
