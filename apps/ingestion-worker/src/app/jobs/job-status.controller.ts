import { InjectQueue } from '@nestjs/bullmq';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import type { Job, Queue } from 'bullmq';
import {
  jobStateSchema,
  jobStatusRequestSchema,
  MessagePatterns,
  Queues,
  type JobStatus,
} from '@melvin/shared/contracts';

function toJobStatus(job: Job, state: string): JobStatus {
  const parsedState = jobStateSchema.safeParse(state);
  return {
    id: String(job.id),
    name: job.name,
    state: parsedState.success ? parsedState.data : 'unknown',
    progress: typeof job.progress === 'number' ? job.progress : 0,
    ...(job.returnvalue !== null && job.returnvalue !== undefined ? { result: job.returnvalue } : {}),
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    createdAt: new Date(job.timestamp).toISOString(),
    ...(job.finishedOn ? { finishedAt: new Date(job.finishedOn).toISOString() } : {}),
  };
}

/** Answers "how is job X doing?" for the gateway, which polls on behalf of the user. */
@Controller()
export class JobStatusController {
  constructor(@InjectQueue(Queues.ingestion) private readonly queue: Queue) {}

  @MessagePattern(MessagePatterns.ingestion.jobStatus)
  async status(@Payload() message: unknown): Promise<JobStatus | null> {
    const parsed = jobStatusRequestSchema.safeParse(message);
    if (!parsed.success) throw new RpcException({ code: 'INVALID_MESSAGE', message: parsed.error.message });
    const job = await this.queue.getJob(parsed.data.data.jobId);
    if (!job) return null;
    return toJobStatus(job, await job.getState());
  }
}
