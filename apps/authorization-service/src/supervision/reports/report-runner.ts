import { Injectable } from '@nestjs/common';
import { type ReportCommand, type ReportState, reportDecider, reportStream } from '../../../../../libs/domain/src/index.js';
import type { RecordedEvent } from '../../../../../libs/event-store/src/index.js';
import type { RequestContext } from '../../shared/request-context.js';
import { SupervisionRunner } from '../supervision-runner.js';
import { type ReportView, redactFor, reportView } from './report-view.js';

export type ReportAnswer = ReportView & { readonly position: string };
export type KnownReport = Exclude<ReportState, { status: 'none' }>;

/** Loads a report and runs a report command, answering the view as the caller may see it. */
@Injectable()
export class ReportRunner {
  constructor(readonly runner: SupervisionRunner) {}

  load(reportId: string): Promise<KnownReport> {
    return this.runner.load(reportStream(reportId), reportDecider, 'report', reportId) as Promise<KnownReport>;
  }

  /** `load` with the report's events, to hand to `execute` (one read of the stream). */
  stream(reportId: string): Promise<{ readonly state: KnownReport; readonly history: readonly RecordedEvent[] }> {
    return this.runner.stream(reportStream(reportId), reportDecider, 'report', reportId) as Promise<{ readonly state: KnownReport; readonly history: readonly RecordedEvent[] }>;
  }

  async execute(reportId: string, command: ReportCommand, ctx: RequestContext, history?: readonly RecordedEvent[]): Promise<ReportAnswer> {
    const { state, position } = await this.runner.run(reportStream(reportId), reportDecider, command, ctx, history === undefined ? {} : { history });
    if (state.status === 'none') throw new Error('a report command left no report');
    const viewer = ctx.principal.kind === 'employee' ? await this.runner.directory.snapshot(ctx.principal.id) : null;
    const view = reportView(state, null);
    // A service filing for a customer sees its own filing; employees see what their role allows.
    return { ...(ctx.principal.kind === 'service' ? view : redactFor(view, viewer)), position };
  }
}
