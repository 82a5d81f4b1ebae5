import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_QUESTION_CHARS } from '@melvin/shared/contracts';

export class AskDto {
  @ApiProperty({ maxLength: MAX_QUESTION_CHARS, example: 'Does [[Pestermite]] untap a land I tapped for mana?' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_QUESTION_CHARS)
  content!: string;

  @ApiPropertyOptional({ description: 'Id of a failed or partial answer to produce again (the question is not stored twice)' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  retryOf?: string;
}
