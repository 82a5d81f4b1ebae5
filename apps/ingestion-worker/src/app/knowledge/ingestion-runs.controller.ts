import { Controller } from '@nestjs/common';
import { MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { KnowledgeIngestion } from '@melvin/knowledge/data-access';
import { listIngestionRunsRequestSchema, MessagePatterns, type IngestionRunView } from '@melvin/shared/contracts';

/** The run history admins read through the gateway. */
@Controller()
export class IngestionRunsController {
  constructor(private readonly ingestion: KnowledgeIngestion) {}

  @MessagePattern(MessagePatterns.ingestion.listRuns)
  list(@Payload() message: unknown): Promise<IngestionRunView[]> {
    const parsed = listIngestionRunsRequestSchema.safeParse(message);
    if (!parsed.success) throw new RpcException({ status: 400, code: 'INVALID_MESSAGE', message: parsed.error.message });
    return this.ingestion.history(parsed.data.data);
  }
}
