import { InjectQueue } from '@nestjs/bullmq';
import { Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import {
  jobStatusSchema,
  MessagePatterns,
  Queues,
  type JobStatus,
  type ScanSourcesJob,
} from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, currentCorrelationId } from '@melvin/shared/observability';
import type { GatewayConfig } from '../../config/env.schema';
import { ServiceClient } from '../services/service-client';
import { GATEWAY_CONFIG } from '../services/tokens';
import { Authenticated } from '../auth/guards';
import { CreateIngestionJobDto } from './create-ingestion-job.dto';

/** Starts ingestion jobs and reports their progress: admins only. */
@ApiTags('ingestion')
@Controller('api/ingestion/jobs')
@Authenticated('admin')
export class IngestionController {
  constructor(
    @InjectQueue(Queues.ingestion) private readonly queue: Queue,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly services: ServiceClient,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The job is queued; poll its status URL' })
  async create(@Body() body: CreateIngestionJobDto): Promise<{ jobId: string; statusUrl: string }> {
    const data: ScanSourcesJob = { correlationId: acceptOrCreateCorrelationId(currentCorrelationId()), data: {} };
    const job = await this.queue.add(body.kind, data, {
      attempts: this.config.JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.JOB_BACKOFF_MS },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    const jobId = String(job.id);
    return { jobId, statusUrl: `/api/ingestion/jobs/${jobId}` };
  }

  @Get(':id')
  @ApiOkResponse({ description: 'State, progress (0-100) and, when finished, the result' })
  @ApiNotFoundResponse({ description: 'No such job (or it expired)' })
  async status(@Param('id') id: string): Promise<JobStatus> {
    const status = await this.services.ask<{ jobId: string }, JobStatus | null>(MessagePatterns.ingestion.jobStatus, { jobId: id });
    if (!status) throw new NotFoundException({ code: 'JOB_NOT_FOUND', message: `No ingestion job ${id}` });
    return jobStatusSchema.parse(status);
  }
}
