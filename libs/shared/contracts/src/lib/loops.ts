import { z } from 'zod';
import { actorSchema } from './identity';
import { envelopeSchema } from './envelope';

/** Most cards one synchronous analysis takes; bigger sets go through a deck job. */
export const MAX_SYNC_LOOP_CARDS = 10;
/** A pasted decklist: a 100-card list with set codes is ~4 kB; this leaves room for comments. */
export const MAX_DECKLIST_CHARS = 20_000;

const cardName = z.string().trim().min(1).max(200);

export const analyseCardsRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, cards: z.array(cardName).min(1).max(MAX_SYNC_LOOP_CARDS) }),
);
export type AnalyseCardsRequest = z.infer<typeof analyseCardsRequestSchema>['data'];

export const analyseDeckPayloadSchema = z.object({
  actor: actorSchema,
  decklist: z.string().min(1).max(MAX_DECKLIST_CHARS),
  title: z.string().trim().max(120).optional(),
  /** Also look for cards from the Commander pool that would complete a loop. */
  oneCardAway: z.boolean().default(true),
});
export type AnalyseDeckPayload = z.infer<typeof analyseDeckPayloadSchema>;
export const analyseDeckJobSchema = envelopeSchema(analyseDeckPayloadSchema.extend({ analysisId: z.string() }));
export type AnalyseDeckJob = z.infer<typeof analyseDeckJobSchema>;
export const analyseDeckRequestSchema = envelopeSchema(analyseDeckPayloadSchema);

export const LOOP_EXPORT_FORMATS = ['json', 'mermaid', 'dot'] as const;

export const analysisByIdRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, id: z.string().regex(/^[a-f0-9]{24}$/, 'not an analysis id'), format: z.enum(LOOP_EXPORT_FORMATS).optional() }),
);
export const listAnalysesRequestSchema = envelopeSchema(
  z.object({ actor: actorSchema, limit: z.number().int().min(1).max(100).default(20), before: z.string().datetime().optional() }),
);

/** Deck jobs: produced by the gateway, consumed by loop-analysis. */
export const LoopJobs = {
  analyseDeck: 'analyse-deck',
} as const;

/*
 * What the gateway returns to clients about loops. Plain JSON types (snake_case, as on the wire):
 * loop-analysis produces them, the gateway passes them through and the web app reads them.
 */

/** One loop as reported: its cards, what it achieves and how, step by step. */
export interface LoopView {
  cards: string[];
  outcomes: string[];
  mana_colors: string[];
  mandatory: boolean;
  requires: string[];
  steps: Array<{ card: string; ability: string; effect: string }>;
  net_per_iteration: Record<string, number | string>;
}

/** A card outside the deck that would complete a loop with cards in it. */
export interface OneCardAwayView {
  card: string;
  with: string[];
  outcomes: string[];
}

/** A name that matched no card, with "did you mean" suggestions. */
export interface UnknownCardView {
  name: string;
  candidates: string[];
}

/** What `melvin loops --json` prints and what the API returns inside an analysis. */
export interface LoopReport {
  cards: string[];
  unknown_cards: UnknownCardView[];
  unparsed: Array<{ card: string; text: string }>;
  loops: LoopView[];
  one_card_away: OneCardAwayView[];
  /** True when the search stopped at its time or step budget: more loops may exist. */
  exhausted: boolean;
  took_ms: number;
}

/** The graph the web app draws: cards and the steps that lead from one to the next, per loop. */
export interface LoopGraph {
  nodes: Array<{ id: string; label: string }>;
  edges: Array<{ from: string; to: string; label: string; loop: number }>;
}

/** A line of a pasted decklist that was not understood (1-based line number). */
export interface DecklistProblem {
  line: number;
  text: string;
  reason: string;
}

export type AnalysisKind = 'cards' | 'deck';
export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

/** The names as asked, or the decklist as pasted. */
export interface AnalysisInput {
  cards?: string[];
  decklist?: string;
}

/** An analysis as its owner reads it over the API. */
export interface AnalysisView {
  id: string;
  kind: AnalysisKind;
  title: string;
  status: AnalysisStatus;
  /** 0–100; deck jobs report it while they run. */
  progress: number;
  input: AnalysisInput;
  report: LoopReport | null;
  graph: LoopGraph | null;
  decklist_problems: DecklistProblem[];
  error: string | null;
  engine_version: string;
  created_at: string;
  updated_at: string;
}

/** An analysis in the owner's list, newest first. */
export interface AnalysisSummary {
  id: string;
  kind: AnalysisKind;
  title: string;
  status: AnalysisStatus;
  loops: number;
  created_at: string;
}

/** The gateway's 202 for a deck: poll `statusUrl` for an `AnalysisView`. */
export interface DeckAnalysisAccepted {
  id: string;
  status: AnalysisStatus;
  statusUrl: string;
}
