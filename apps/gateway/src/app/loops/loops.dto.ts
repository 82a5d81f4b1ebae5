import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsISO8601, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LOOP_EXPORT_FORMATS, MAX_DECKLIST_CHARS, MAX_SYNC_LOOP_CARDS } from '@melvin/shared/contracts';

export class AnalyseCardsDto {
  @ApiProperty({ type: [String], example: ['Basalt Monolith', 'Rings of Brighthearth'], description: `1 to ${MAX_SYNC_LOOP_CARDS} card names (fuzzy names are resolved when unambiguous)` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNC_LOOP_CARDS, { message: `at most ${MAX_SYNC_LOOP_CARDS} cards at once; analyse a whole deck with POST /api/loops/decks` })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  cards!: string[];
}

export class AnalyseDeckDto {
  @ApiProperty({ description: 'A pasted decklist: "1 Card Name" lines; Arena, MTGO and Moxfield exports and section headers are understood' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_DECKLIST_CHARS)
  decklist!: string;

  @ApiPropertyOptional({ maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  title?: string;

  @ApiPropertyOptional({ default: true, description: 'Also suggest Commander-legal cards in the deck\'s colours that would complete a loop' })
  @IsOptional()
  @IsBoolean()
  oneCardAway?: boolean;
}

export class ListAnalysesQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Page back: only analyses created before this time (the created_at of the last one seen)' })
  @IsOptional()
  @IsISO8601()
  before?: string;
}

export class ExportQuery {
  @ApiPropertyOptional({ enum: LOOP_EXPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(LOOP_EXPORT_FORMATS)
  format?: (typeof LOOP_EXPORT_FORMATS)[number];
}
