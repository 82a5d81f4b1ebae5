import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import {
  CONVERSATION_EXPORT_FORMATS,
  FEEDBACK_RATINGS,
  MAX_CONVERSATION_PAGE,
  MAX_CONVERSATION_SEARCH_CHARS,
  MAX_CONVERSATION_TITLE_CHARS,
  MAX_FEEDBACK_COMMENT_CHARS,
  type ConversationExportFormat,
  type FeedbackRating,
} from '@melvin/shared/contracts';

/** Query strings carry text: only the words true and false are booleans. */
const booleanWord = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const pageLimit = { minimum: 1, maximum: MAX_CONVERSATION_PAGE };

export class CreateConversationDto {
  @ApiPropertyOptional({ maxLength: MAX_CONVERSATION_TITLE_CHARS, description: 'Left out, the first question names the conversation' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CONVERSATION_TITLE_CHARS)
  title?: string;
}

export class UpdateConversationDto {
  @ApiPropertyOptional({ maxLength: MAX_CONVERSATION_TITLE_CHARS })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CONVERSATION_TITLE_CHARS)
  title?: string;

  @ApiPropertyOptional({ description: 'Archived conversations leave the default list but stay searchable' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

export class ListConversationsQuery {
  @ApiPropertyOptional({ ...pageLimit, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CONVERSATION_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'true lists the archived conversations instead' })
  @IsOptional()
  @Transform(booleanWord)
  @IsBoolean()
  archived?: boolean;
}

export class SearchConversationsQuery {
  @ApiProperty({ description: 'Words or "a phrase" to find in titles and messages; -word excludes', maxLength: MAX_CONVERSATION_SEARCH_CHARS })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_CONVERSATION_SEARCH_CHARS)
  q!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class ExportConversationQuery {
  @ApiPropertyOptional({ enum: CONVERSATION_EXPORT_FORMATS, default: 'markdown' })
  @IsOptional()
  @IsIn(CONVERSATION_EXPORT_FORMATS)
  format?: ConversationExportFormat;
}

export class MessageParams {
  @ApiProperty({ description: 'The id of an answer in one of your conversations' })
  @Matches(/^[a-f0-9]{24}$/, { message: 'messageId is not a message id' })
  messageId!: string;
}

export class FeedbackDto {
  @ApiProperty({ enum: FEEDBACK_RATINGS })
  @IsIn(FEEDBACK_RATINGS)
  rating!: FeedbackRating;

  @ApiPropertyOptional({ maxLength: MAX_FEEDBACK_COMMENT_CHARS, description: 'What was good or wrong about the answer' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_FEEDBACK_COMMENT_CHARS)
  comment?: string;
}

export class LowRatedQuery {
  @ApiPropertyOptional({ ...pageLimit, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_CONVERSATION_PAGE)
  limit?: number;

  @ApiPropertyOptional({ description: 'Page back: only answers rated before this time (ratedAt of the last one seen)' })
  @IsOptional()
  @IsISO8601()
  before?: string;
}
