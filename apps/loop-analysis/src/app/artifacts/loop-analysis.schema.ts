import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { HydratedDocument } from 'mongoose';
import type { AnalysisInput, DecklistProblem, LoopGraph, LoopReport } from '@melvin/shared/contracts';

/**
 * `kind` and `status` are spelled out here, not imported from the contracts: their decorator metadata
 * (String) is what gives mongoose their type, and a type-only import would turn it into Object.
 * The store's mapping to the contracts' `AnalysisView` checks that they still match.
 */
export type AnalysisStatus = 'queued' | 'running' | 'done' | 'failed';

/**
 * A loop-graph artifact: what was asked, what the engine found and how it explains it. Owned by
 * the user who asked; nobody else can list or read it.
 */
@Schema({ collection: 'loop_analyses', timestamps: { createdAt: 'createdAt', updatedAt: 'updatedAt' } })
export class LoopAnalysis {
  @Prop({ required: true, index: true })
  ownerId!: string;

  @Prop({ required: true, enum: ['cards', 'deck'] })
  kind!: 'cards' | 'deck';

  @Prop({ required: true })
  title!: string;

  /** The names as asked, or the decklist as pasted. */
  @Prop({ type: Object, required: true })
  input!: AnalysisInput;

  @Prop({ required: true, enum: ['queued', 'running', 'done', 'failed'] })
  status!: AnalysisStatus;

  @Prop({ type: Number, default: 0 })
  progress!: number;

  @Prop({ type: Object, default: null })
  report!: LoopReport | null;

  @Prop({ type: Object, default: null })
  graph!: LoopGraph | null;

  @Prop({ type: [Object], default: [] })
  decklistProblems!: DecklistProblem[];

  @Prop({ type: String, default: null })
  error!: string | null;

  @Prop({ required: true })
  engineVersion!: string;

  @Prop({ type: String, default: null })
  jobId!: string | null;

  createdAt!: Date;
  updatedAt!: Date;
}

export type LoopAnalysisDocument = HydratedDocument<LoopAnalysis>;
export const LoopAnalysisSchema = SchemaFactory.createForClass(LoopAnalysis);
LoopAnalysisSchema.index({ ownerId: 1, createdAt: -1 });
