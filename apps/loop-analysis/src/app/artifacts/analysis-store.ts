import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { loopGraph } from '@melvin/loop/domain';
import type { Actor, AnalysisSummary, AnalysisView } from '@melvin/shared/contracts';
import { ServiceFailure } from '@melvin/shared/runtime';
import { LoopAnalysis, type LoopAnalysisDocument } from './loop-analysis.schema';

/** Loop-graph artifacts in MongoDB. Every read is scoped to the owner: others get 404, never 403. */
@Injectable()
export class AnalysisStore {
  constructor(@InjectModel(LoopAnalysis.name) private readonly analyses: Model<LoopAnalysis>) {}

  async create(analysis: Pick<LoopAnalysis, 'ownerId' | 'kind' | 'title' | 'input' | 'status' | 'engineVersion'> & Partial<LoopAnalysis>): Promise<AnalysisView> {
    const graph = analysis.report ? loopGraph(analysis.report.loops) : null;
    return toView(await this.analyses.create({ ...analysis, graph }));
  }

  async update(id: string, changes: Partial<LoopAnalysis>): Promise<void> {
    const graph = changes.report ? { graph: loopGraph(changes.report.loops) } : {};
    await this.analyses.updateOne({ _id: id }, { $set: { ...changes, ...graph } });
  }

  async get(owner: Actor, id: string): Promise<AnalysisView> {
    const found = await this.analyses.findOne({ _id: id, ownerId: owner.id });
    if (!found) throw new ServiceFailure(404, 'ANALYSIS_NOT_FOUND', `No loop analysis ${id}`);
    return toView(found);
  }

  async jobIdOf(id: string): Promise<string | null> {
    const found = await this.analyses.findById(id, { jobId: 1 });
    return found?.jobId ?? null;
  }

  async list(owner: Actor, options: { limit: number; before?: string }): Promise<AnalysisSummary[]> {
    const filter = { ownerId: owner.id, ...(options.before ? { createdAt: { $lt: new Date(options.before) } } : {}) };
    const found = await this.analyses.find(filter).sort({ createdAt: -1 }).limit(options.limit);
    return found.map((analysis) => ({
      id: analysis.id as string,
      kind: analysis.kind,
      title: analysis.title,
      status: analysis.status,
      loops: analysis.report?.loops.length ?? 0,
      created_at: analysis.createdAt.toISOString(),
    }));
  }
}

function toView(analysis: LoopAnalysisDocument): AnalysisView {
  return {
    id: analysis.id as string,
    kind: analysis.kind,
    title: analysis.title,
    status: analysis.status,
    progress: analysis.progress,
    input: analysis.input,
    report: analysis.report,
    graph: analysis.graph,
    decklist_problems: analysis.decklistProblems,
    error: analysis.error,
    engine_version: analysis.engineVersion,
    created_at: analysis.createdAt.toISOString(),
    updated_at: analysis.updatedAt.toISOString(),
  };
}
