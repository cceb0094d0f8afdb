import type { RecordedEvent } from '../../../event-store/src/event-store.port.js';
import type { ReportEvent } from '../../../domain/src/supervision/supervision.events.js';
import { REPORTER, reportLifeOf } from '../../testing/notice-fixtures.js';
import { evolveReportContext } from './report.source.js';

const recorded = (event: ReportEvent, revision: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type: event.type,
  streamId: 'report-R1',
  revision,
  position: String(revision).padStart(20, '0'),
  data: event.data,
  metadata: {},
  recordedAt: '2026-01-05T00:00:00.000Z',
});

describe('evolveReportContext', () => {
  it('knows nothing before the filing', () => {
    const [, started] = reportLifeOf('R1');
    expect(evolveReportContext(null, recorded(started!, 1))).toBeNull();
  });

  it('keeps the subject, authorization and category of the filing through the whole report, and nothing of the reporter', () => {
    const life = reportLifeOf('R1', 'E1', 'A1').map(recorded);
    for (let n = 1; n <= life.length; n++) {
      const context = life.slice(0, n).reduce(evolveReportContext, null);
      expect(context).toEqual({ reportId: 'R1', subjectEmployeeId: 'E1', authorizationId: 'A1', category: 'out_of_scope' });
      expect(JSON.stringify(context)).not.toContain(REPORTER.employeeId);
      expect(JSON.stringify(context)).not.toContain(REPORTER.contact);
    }
  });
});
