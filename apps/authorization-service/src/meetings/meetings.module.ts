import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordsModule } from '../../../../libs/read-models/src/records/records.module.js';
import { QueriesModule } from '../queries/queries.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { CompleteActionController } from './complete-action/complete-action.controller.js';
import { CompleteActionHandler } from './complete-action/complete-action.handler.js';
import { ListMeetingsController } from './list-meetings/list-meetings.controller.js';
import { RecordMeetingController } from './record-meeting/record-meeting.controller.js';
import { RecordMeetingHandler } from './record-meeting/record-meeting.handler.js';

const MEETING_CONTROLLERS = [RecordMeetingController, ListMeetingsController, CompleteActionController];
const MEETING_HANDLERS = [RecordMeetingHandler, CompleteActionHandler];

/** Communication meetings (溝通會議, SPEC §11): minutes, attendees and action items. */
@Module({ imports: [CqrsModule, QueriesModule, RecordsModule, SupervisionModule], controllers: MEETING_CONTROLLERS, providers: MEETING_HANDLERS })
export class MeetingsModule {}
