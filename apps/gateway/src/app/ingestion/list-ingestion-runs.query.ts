import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { KNOWLEDGE_KINDS, type KnowledgeKindName } from '@melvin/shared/contracts';

export class ListIngestionRunsQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ enum: KNOWLEDGE_KINDS })
  @IsOptional()
  @IsIn(KNOWLEDGE_KINDS)
  kind?: KnowledgeKindName;
}
