import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IngestionJobs, type IngestionJobName } from '@melvin/shared/contracts';

const JOB_NAMES = Object.values(IngestionJobs);

export class CreateIngestionJobDto {
  @ApiProperty({ enum: JOB_NAMES, description: 'Which ingestion job to run' })
  @IsIn(JOB_NAMES, { message: `kind must be one of: ${JOB_NAMES.join(', ')}` })
  kind!: IngestionJobName;
}
