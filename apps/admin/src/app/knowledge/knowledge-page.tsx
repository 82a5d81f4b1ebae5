import { useCallback } from 'react';
import type { IngestionRunView } from '@melvin/shared/contracts';
import { PageSection } from '../layout/page-section';
import { useApiResource } from '../session/use-api-resource';
import { IngestNowPanel } from './ingest-now-panel';
import { IngestionRunTable } from './ingestion-run-table';
import { INGESTION_RUNS_URL } from './ingestion-runs';
import { KnowledgeStatusPanel, type KnowledgeStatus } from './knowledge-status-panel';

/** What Melvin knows (active releases), how it got there (run history), and a way to load new sources. */
export function KnowledgePage({ pollIntervalMs }: { pollIntervalMs?: number }) {
  const status = useApiResource<KnowledgeStatus>('/api/knowledge/status');
  const runs = useApiResource<IngestionRunView[]>(INGESTION_RUNS_URL);
  const { reload: reloadStatus } = status;
  const { reload: reloadRuns } = runs;
  const reloadAll = useCallback(() => {
    reloadRuns();
    reloadStatus();
  }, [reloadRuns, reloadStatus]);

  return (
    <div className="space-y-8">
      <PageSection title="Knowledge status" resource={status} onRefresh={reloadStatus}>
        {status.data && <KnowledgeStatusPanel status={status.data} />}
      </PageSection>
      <IngestNowPanel onFinished={reloadAll} pollIntervalMs={pollIntervalMs} />
      <PageSection title="Ingestion runs" resource={runs} onRefresh={reloadRuns}>
        {runs.data && <IngestionRunTable runs={runs.data} />}
      </PageSection>
    </div>
  );
}
