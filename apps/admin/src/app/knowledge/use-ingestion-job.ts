import { useCallback, useEffect, useRef, useState } from 'react';
import type { IngestionJobName, JobStatus, KnowledgeKindName } from '@melvin/shared/contracts';
import { errorMessage, type AdminApi } from '../session/admin-api';
import { useAdminApi } from '../session/admin-session';
import { KNOWLEDGE_KIND_ORDER } from './knowledge-kinds';

export const POLL_INTERVAL_MS = 1_000;
const INGEST_KNOWLEDGE: IngestionJobName = 'ingest-knowledge';

export type IngestionJobPhase = 'idle' | 'starting' | 'running' | 'completed' | 'failed';

export interface IngestionJobState {
  phase: IngestionJobPhase;
  job: JobStatus | null;
  /** Why starting or following the job went wrong, or why the job failed. */
  error: string | null;
}

/** The job body: every kind unless some were left out (the worker then skips the others). */
export function ingestKnowledgeRequest(kinds: readonly KnowledgeKindName[]): { kind: IngestionJobName; kinds?: KnowledgeKindName[] } {
  const all = KNOWLEDGE_KIND_ORDER.every((kind) => kinds.includes(kind));
  return all ? { kind: INGEST_KNOWLEDGE } : { kind: INGEST_KNOWLEDGE, kinds: KNOWLEDGE_KIND_ORDER.filter((kind) => kinds.includes(kind)) };
}

export function isFinished(job: JobStatus): boolean {
  return job.state === 'completed' || job.state === 'failed';
}

/**
 * Queues an ingest-knowledge job and follows it until it completes or fails, then calls `onFinished`
 * (to reload the run history). Polling stops when the component goes away.
 */
export function useIngestionJob(onFinished: () => void, pollIntervalMs = POLL_INTERVAL_MS): IngestionJobState & { start: (kinds: readonly KnowledgeKindName[]) => void } {
  const api = useAdminApi();
  const [state, setState] = useState<IngestionJobState>({ phase: 'idle', job: null, error: null });
  const alive = useRef(true);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    (kinds: readonly KnowledgeKindName[]) => {
      setState({ phase: 'starting', job: null, error: null });
      void followJob(api, kinds, pollIntervalMs, () => alive.current, (next) => {
        if (!alive.current) return;
        setState(next);
        if (next.phase === 'completed' || (next.phase === 'failed' && next.job)) finished.current();
      });
    },
    [api, pollIntervalMs],
  );

  return { ...state, start };
}

async function followJob(
  api: AdminApi,
  kinds: readonly KnowledgeKindName[],
  pollIntervalMs: number,
  stillWanted: () => boolean,
  report: (state: IngestionJobState) => void,
): Promise<void> {
  let statusUrl: string;
  try {
    ({ statusUrl } = await api.post<{ jobId: string; statusUrl: string }>('/api/ingestion/jobs', ingestKnowledgeRequest(kinds)));
  } catch (error) {
    report({ phase: 'failed', job: null, error: `Could not start the ingestion: ${errorMessage(error)}` });
    return;
  }
  while (stillWanted()) {
    let job: JobStatus;
    try {
      job = await api.get<JobStatus>(statusUrl);
    } catch (error) {
      report({ phase: 'failed', job: null, error: `Lost track of the ingestion job: ${errorMessage(error)}` });
      return;
    }
    if (isFinished(job)) {
      report({ phase: job.state === 'completed' ? 'completed' : 'failed', job, error: job.state === 'failed' ? (job.failedReason ?? 'The job failed.') : null });
      return;
    }
    report({ phase: 'running', job, error: null });
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
  }
}
