import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsString, Matches } from 'class-validator';

export class IssueNoticeDto {
  @ApiProperty({ description: 'Departments that receive a copy', example: ['finance', 'quality'], isArray: true, type: String })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, { each: true, message: 'each department must be a lower-case id such as finance' })
  copiesTo!: string[];
}
