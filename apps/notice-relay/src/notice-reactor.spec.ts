import type { RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import { NoticeTypes } from '../../../libs/contracts/src/index.js';
import type { NoticeMessage, NoticePublisher } from '../../../libs/messaging/src/index.js';
import { NoticeMappingError } from '../../../libs/messaging/src/index.js';
import { sampleLog } from '../../../libs/messaging/testing/source-samples.js';
import { noticeReactor } from './notice-reactor.js';

/** A publisher that records what it was asked to send, failing the first `failures` sends. */
function recordingPublisher(failures = 0): NoticePublisher & { sent: NoticeMessage[][]; ensured: number } {
  let left = failures;
  const publisher = {
    sent: [] as NoticeMessage[][],
    ensured: 0,
    ensureTopic: () => {
      publisher.ensured++;
      return Promise.resolve();
    },
    publish: (messages: readonly NoticeMessage[]) => {
      if (left-- > 0) return Promise.reject(new Error('broker down'));
      publisher.sent.push([...messages]);
      return Promise.resolve();
    },
    reachable: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
  return publisher;
}

const log = sampleLog();
const countingReader = () => {
  const reader = { reads: 0, readStream: (streamId: string) => (reader.reads++, Promise.resolve(log.filter((e) => e.streamId === streamId))) };
  return reader;
};
const context = { sql: null as never, signal: new AbortController().signal };
const typesOf = (messages: readonly NoticeMessage[]): string[] => messages.map((m) => m.headers['ce_type']!);

describe('the notice reactor', () => {
  it('is a leader reactor named after its topic that follows only the streams some source follows', () => {
    const reactor = noticeReactor({ topic: 't', events: countingReader(), publisher: recordingPublisher() });
    expect([reactor.kind, reactor.name, reactor.leader]).toEqual(['reactor', 'notice-relay:t', true]);
    const followed = (streamId: string): boolean => reactor.accepts!({ ...log[0]!, streamId });
    expect([followed('authorization-A1'), followed('employee-E1'), followed('audit-anchors'), followed('inspection-I1'), followed('meeting-M1')]).toEqual([true, true, true, false, false]);
  });

  it('publishes a batch’s messages in log order, asking Kafka for the topic once, and nothing for a batch without notices', async () => {
    const publisher = recordingPublisher();
    const reactor = noticeReactor({ topic: 't', events: countingReader(), publisher });
    await reactor.react(log.filter((e) => e.streamId.startsWith('employee-')), context);
    expect(publisher.sent).toEqual([]);
    expect(publisher.ensured).toBe(0);
    await reactor.react(log.filter((e) => !e.streamId.startsWith('employee-')), context);
    expect(typesOf(publisher.sent.flat()).slice(0, 3)).toEqual([NoticeTypes.issued, NoticeTypes.acknowledged, NoticeTypes.revoked]);
    expect(publisher.ensured).toBe(1);
  });

  it('retries a failed batch with the same bytes, without reading the streams again', async () => {
    const publisher = recordingPublisher(2);
    const reader = countingReader();
    const reactor = noticeReactor({ topic: 't', events: reader, publisher });
    // From the first notice on: the streams' earlier events (and the people) must be read.
    const batch = log.slice(log.findIndex((e) => e.type === 'NoticeIssued'));
    await expect(reactor.react(batch, context)).rejects.toThrow('broker down');
    const reads = reader.reads;
    expect(reads).toBeGreaterThan(0);
    await expect(reactor.react(batch, context)).rejects.toThrow('broker down');
    await reactor.react(batch, context);
    expect(reader.reads).toBe(reads);
    const once = recordingPublisher();
    await noticeReactor({ topic: 't', events: countingReader(), publisher: once }).react(batch, context);
    expect(once.sent.flat().length).toBeGreaterThan(0);
    expect(publisher.sent).toEqual(once.sent);
  });

  it('maps events handed again (a new leader, a replay) from their own history, as a fresh process would', async () => {
    const publisher = recordingPublisher();
    const reactor = noticeReactor({ topic: 't', events: countingReader(), publisher });
    await reactor.react(log, context);
    const replayedFrom = log.findIndex((e) => e.type === 'NoticeAcknowledged');
    await reactor.react(log.slice(replayedFrom), context);
    const fresh = recordingPublisher();
    await noticeReactor({ topic: 't', events: countingReader(), publisher: fresh }).react(log.slice(replayedFrom), context);
    expect(publisher.sent[1]).toEqual(fresh.sent[0]);
  });

  it('fails (never skips) a batch whose history does not allow a message, naming the event', async () => {
    const revoked = log.find((e) => e.type === 'AuthorizationRevoked')!;
    const orphan: RecordedEvent = { ...revoked, streamId: 'authorization-orphan', revision: 0 };
    const reactor = noticeReactor({ topic: 't', events: countingReader(), publisher: recordingPublisher() });
    const failure = await reactor.react([orphan], context).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NoticeMappingError);
    expect((failure as NoticeMappingError).eventId).toBe(orphan.id);
  });
});
