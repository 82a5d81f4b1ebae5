import { InjectQueue } from '@nestjs/bullmq';
import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Queue } from 'bullmq';
import {
  IngestionJobs,
  jobStatusSchema,
  MessagePatterns,
  Queues,
  type IngestionRunView,
  type JobStatus,
} from '@melvin/shared/contracts';
import { acceptOrCreateCorrelationId, currentCorrelationId } from '@melvin/shared/observability';
import type { GatewayConfig } from '../../config/env.schema';
import { ServiceClient } from '../services/service-client';
import { GATEWAY_CONFIG } from '../services/tokens';
import { Authenticated } from '../auth/guards';
import { CreateIngestionJobDto } from './create-ingestion-job.dto';
import { ListIngestionRunsQuery } from './list-ingestion-runs.query';

/** Starts ingestion jobs and reports their progress: admins only. */
@ApiTags('ingestion')
@Controller('api/ingestion')
@Authenticated('admin')
export class IngestionController {
  constructor(
    @InjectQueue(Queues.ingestion) private readonly queue: Queue,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly services: ServiceClient,
  ) {}

  @Post('jobs')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The job is queued; poll its status URL' })
  async create(@Body() body: CreateIngestionJobDto): Promise<{ jobId: string; statusUrl: string }> {
    const { kind, ...options } = body;
    if (kind !== IngestionJobs.ingestKnowledge && Object.keys(options).length) {
      throw new BadRequestException({ code: 'VALIDATION_FAILED', message: `sources and kinds apply to ${IngestionJobs.ingestKnowledge} only` });
    }
    const data = { correlationId: acceptOrCreateCorrelationId(currentCorrelationId()), data: options };
    const job = await this.queue.add(kind, data, {
      attempts: this.config.JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.JOB_BACKOFF_MS },
      removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    });
    const jobId = String(job.id);
    return { jobId, statusUrl: `/api/ingestion/jobs/${jobId}` };
  }

  @Get('runs')
  @ApiOkResponse({ description: 'Ingestion runs, newest first: source, edition, counts, warnings, errors, duration' })
  runs(@Query() query: ListIngestionRunsQuery): Promise<IngestionRunView[]> {
    return this.services.ask(MessagePatterns.ingestion.listRuns, { limit: query.limit ?? 50, ...(query.kind ? { kind: query.kind } : {}) });
  }

  @Get('jobs/:id')
  @ApiOkResponse({ description: 'State, progress (0-100) and, when finished, the result' })
  @ApiNotFoundResponse({ description: 'No such job (or it expired)' })
  async status(@Param('id') id: string): Promise<JobStatus> {
    const status = await this.services.ask<{ jobId: string }, JobStatus | null>(MessagePatterns.ingestion.jobStatus, { jobId: id });
    if (!status) throw new NotFoundException({ code: 'JOB_NOT_FOUND', message: `No ingestion job ${id}` });
    return jobStatusSchema.parse(status);
  }
}
