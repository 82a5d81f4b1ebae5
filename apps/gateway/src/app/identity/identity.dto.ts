import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ROLES, type Role } from '@melvin/shared/contracts';

/** Shape and size only: the identity service applies the username and password policies. */
export class RequestAccountDto {
  @ApiProperty({ example: 'jace_b', description: '3-32 letters, digits, _ or -; unique regardless of case' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty({ description: 'At least 8 characters with upper case, lower case, a digit and a symbol' })
  @IsString()
  @MaxLength(256)
  password!: string;

  @ApiPropertyOptional({ description: 'A note for the admin who decides the request' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class LoginDto {
  @ApiProperty() @IsString() @MaxLength(64) username!: string;
  @ApiProperty() @IsString() @MaxLength(256) password!: string;
}

export class RefreshTokenDto {
  @ApiProperty() @IsString() @MaxLength(200) refreshToken!: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(256) currentPassword!: string;
  @ApiProperty() @IsString() @MaxLength(256) newPassword!: string;
}

export class CompletePasswordResetDto {
  @ApiProperty({ description: 'The reset token an admin issued' }) @IsString() @MaxLength(200) token!: string;
  @ApiProperty() @IsString() @MaxLength(256) newPassword!: string;
}

export class DenyRequestDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() disabled?: boolean;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ enum: ['token', 'temporary-password'], default: 'token' })
  @IsOptional()
  @IsIn(['token', 'temporary-password'])
  method?: 'token' | 'temporary-password';
}

export class UserSearchQuery {
  @ApiPropertyOptional({ description: 'Part of a username' }) @IsOptional() @IsString() @MaxLength(64) q?: string;
}

export class AuditQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) target?: string;
  @ApiPropertyOptional({ description: 'ISO time, inclusive' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ description: 'ISO time, exclusive' }) @IsOptional() @IsDateString() to?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
