import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IngestionJobs, KNOWLEDGE_KINDS, type IngestionJobName, type KnowledgeKindName } from '@melvin/shared/contracts';

const JOB_NAMES = Object.values(IngestionJobs);
/** Relative to the worker's data directory, never climbing out of it. */
const DATA_DIR_PATH = /^(?!\/)(?!.*(^|[\\/])\.\.([\\/]|$)).+$/;

export class KnowledgeSourcesDto {
  @ApiPropertyOptional({ description: 'CR text file, relative to the data directory' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(DATA_DIR_PATH, { message: 'rules must be a path inside the data directory' })
  rules?: string;

  @ApiPropertyOptional({ description: 'Scryfall oracle-cards file, relative to the data directory' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(DATA_DIR_PATH, { message: 'cards must be a path inside the data directory' })
  cards?: string;

  @ApiPropertyOptional({ description: 'Scryfall rulings file, relative to the data directory' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @Matches(DATA_DIR_PATH, { message: 'rulings must be a path inside the data directory' })
  rulings?: string;
}

export class CreateIngestionJobDto {
  @ApiProperty({ enum: JOB_NAMES, description: 'Which ingestion job to run' })
  @IsIn(JOB_NAMES, { message: `kind must be one of: ${JOB_NAMES.join(', ')}` })
  kind!: IngestionJobName;

  @ApiPropertyOptional({ type: KnowledgeSourcesDto, description: `${IngestionJobs.ingestKnowledge} only: files to load (default: newest of each kind)` })
  @IsOptional()
  @ValidateNested()
  @Type(() => KnowledgeSourcesDto)
  sources?: KnowledgeSourcesDto;

  @ApiPropertyOptional({ enum: KNOWLEDGE_KINDS, isArray: true, description: `${IngestionJobs.ingestKnowledge} only: which kinds to load (default: all)` })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(KNOWLEDGE_KINDS.length)
  @IsIn(KNOWLEDGE_KINDS, { each: true, message: `kinds must be among: ${KNOWLEDGE_KINDS.join(', ')}` })
  kinds?: KnowledgeKindName[];
}
