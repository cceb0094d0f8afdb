import { Controller, Get, Headers, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { Page } from '../../../../../libs/read-models/src/index.js';
import type { MeetingDoc } from '../../../../../libs/read-models/src/records/record-kinds.js';
import { CurrentPrincipal } from '../../auth/current-principal.decorator.js';
import type { Principal } from '../../auth/principal.js';
import { ApiAnswers, ApiConsistencyToken } from '../../http/openapi.js';
import { ReadModelConsistency } from '../../queries/read-model-consistency.js';
import { PageQueryDto } from '../../shared/page-query.dto.js';
import { IsInstant, Omittable } from '../../shared/validators.js';
import { RecordReaders } from '../../supervision/read-backs/record-readers.js';
import { MEETING_PAGE } from '../meeting.schemas.js';
import { TEAM_PATTERN } from '../record-meeting/record-meeting.dto.js';

export class ListMeetingsQuery extends PageQueryDto {
  @ApiPropertyOptional({ pattern: TEAM_PATTERN.source })
  @Omittable()
  @Matches(TEAM_PATTERN)
  team?: string;

  @ApiPropertyOptional({ description: 'Held at or after (ISO-8601)' })
  @Omittable()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'Held before (ISO-8601)' })
  @Omittable()
  @IsInstant()
  to?: string;
}

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('v1/meetings')
export class ListMeetingsController {
  constructor(
    private readonly consistency: ReadModelConsistency,
    private readonly readers: RecordReaders,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Meetings, oldest first: attendees and the recorder theirs, managers and compliance all' })
  @ApiAnswers({ status: 200, description: 'A page of meetings', schema: MEETING_PAGE }, 403)
  @ApiConsistencyToken()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListMeetingsQuery, @Headers('x-consistency-token') token?: string): Promise<Page<MeetingDoc>> {
    const reader = await this.readers.employee(principal, 'meetings');
    const queries = await this.consistency.recordsAt(token);
    return queries.listMeetings(this.readers.scopeOf(reader), {
      ...(query.team === undefined ? {} : { team: query.team }),
      ...(query.from === undefined ? {} : { from: new Date(query.from).toISOString() }),
      ...(query.to === undefined ? {} : { to: new Date(query.to).toISOString() }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
    });
  }
}
