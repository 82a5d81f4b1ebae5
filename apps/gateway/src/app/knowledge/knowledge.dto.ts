import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_HIT_KINDS } from '@melvin/shared/contracts';

const commaList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

export class KnowledgeSearchQuery {
  @ApiProperty({ description: 'A free-text rules question; [[Card Name]] pulls in that card, its rulings and keyword rules' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  k?: number;

  @ApiPropertyOptional({ description: `Comma-separated subset of ${SEARCH_HIT_KINDS.join(', ')}`, example: 'rule,glossary' })
  @IsOptional()
  @Transform(commaList)
  @IsIn(SEARCH_HIT_KINDS, { each: true, message: `kinds must be among: ${SEARCH_HIT_KINDS.join(', ')}` })
  kinds?: Array<(typeof SEARCH_HIT_KINDS)[number]>;
}

export class CardNamedQuery {
  @ApiPropertyOptional({ description: 'Exact name (case, punctuation and accents ignored; one face of a double-faced card works)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  exact?: string;

  @ApiPropertyOptional({ description: 'Fuzzy name: partial words and small typos; ambiguous text returns candidates instead of a guess' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  fuzzy?: string;
}

export class CardAutocompleteQuery {
  @ApiProperty({ description: 'The start of a card name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  q!: string;
}

export class CardSearchQuery {
  @ApiProperty({ description: 'Scryfall-style query: words, "phrases", o:, t:, c:, id:, mv, kw:, f:, is:commander, -, or, ( )', example: 't:creature o:"draw a card" mv<=2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 175, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(175)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  offset?: number;

  @ApiPropertyOptional({ enum: ['name', 'mv'], default: 'name' })
  @IsOptional()
  @IsIn(['name', 'mv'])
  order?: 'name' | 'mv';
}
