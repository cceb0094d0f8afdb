/**
 * The relay's effect as a processor (libs/processors): map each event through the notice source
 * of its stream's category, publish the batch's messages, resolve only once Kafka acknowledged all
 * of them; the host moves the checkpoint after that (at-least-once, never skipping). One leader per
 * topic: the host holds the lease. Effects are idempotent for consumers: a message's `ce_id` is its
 * event's id, so a retried batch publishes duplicates they drop.
 */
import { comparePositions, type Position, type RecordedEvent } from '../../../libs/event-store/src/event-store.port.js';
import type { Reactor } from '../../../libs/processors/src/processor.js';
import type { NoticeDisplayNames } from '../../../libs/contracts/src/index.js';
import {
  NOTICE_SOURCES,
  NoticeMapper,
  type NoticeMessage,
  type NoticePublisher,
  type NoticeSourceRegistry,
  type StreamReader,
} from '../../../libs/messaging/src/index.js';

export interface NoticeReactorOptions {
  readonly topic: string;
  readonly events: StreamReader;
  readonly publisher: NoticePublisher;
  readonly sources?: NoticeSourceRegistry;
  readonly matterNames?: (matter: string) => NoticeDisplayNames | null;
  /** CloudEvents `source`; default NOTICE_SOURCE. */
  readonly source?: string;
  readonly batchSize?: number;
}

/** The checkpoint name: the relay's position row of earlier releases had the same key, so an upgrade resumes there. */
export const noticeReactorName = (topic: string): string => `notice-relay:${topic}`;

export function noticeReactor(options: NoticeReactorOptions): Reactor {
  const mapper = new NoticeMapper(options.events, options.sources ?? NOTICE_SOURCES, {
    ...(options.matterNames ? { matterNames: options.matterNames } : {}),
    ...(options.source ? { source: options.source } : {}),
  });
  let topicReady = false;
  let seen: Position | null = null;
  /** The messages of a batch whose publishing failed: its retry sends the same bytes without mapping again. */
  let prepared: { readonly first: string; readonly last: string; readonly messages: readonly NoticeMessage[] } | null = null;

  const prepare = async (events: readonly RecordedEvent[]): Promise<readonly NoticeMessage[]> => {
    const first = events[0]!;
    const last = events[events.length - 1]!;
    if (prepared?.first === first.id && prepared.last === last.id) return prepared.messages;
    // Handed events again (a retry after a failed mapping, a new leader): contexts may be ahead of them.
    if (seen !== null && comparePositions(first.position, seen) <= 0) mapper.reset();
    const messages: NoticeMessage[] = [];
    try {
      for (const event of events) {
        const message = await mapper.map(event);
        if (message) messages.push(message);
      }
    } catch (error: unknown) {
      mapper.reset();
      seen = null;
      throw error;
    }
    seen = last.position;
    prepared = { first: first.id, last: last.id, messages };
    return messages;
  };

  return {
    kind: 'reactor',
    name: noticeReactorName(options.topic),
    leader: true,
    batchSize: options.batchSize ?? 500,
    accepts: (event) => mapper.follows(event),
    async react(events) {
      if (events.length === 0) return;
      const messages = await prepare(events);
      // A batch without messages (other events only) has nothing to send: Kafka is not asked.
      if (messages.length > 0) {
        if (!topicReady) {
          await options.publisher.ensureTopic();
          topicReady = true;
        }
        await options.publisher.publish(messages);
      }
      prepared = null;
    },
  };
}
