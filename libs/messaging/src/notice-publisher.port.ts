/**
 * The port through which notices leave the service (SPEC §8). One adapter: Kafka (./kafka/).
 * Delivery is at-least-once; callers record their position only after `publish` resolved.
 */

/** One Kafka record in CloudEvents binary mode: `value` is the JSON `data`, attributes are headers. */
export interface NoticeMessage {
  /** The topic when not the publisher's own (the audit anchors have theirs). */
  readonly topic?: string;
  /** The authorization id: one authorization's messages stay on one partition, in order. */
  readonly key: string;
  /** JSON text of the CloudEvents `data`. */
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface NoticePublisher {
  /** Creates the topic when it does not exist (idempotent). */
  ensureTopic(): Promise<void>;
  /**
   * Sends the messages and resolves only once the broker acknowledged every one of them (all
   * in-sync replicas). Messages with the same key keep their order. Rejects with
   * `NoticeRejectedError` when a message can never be published (retrying would not help), with
   * any other error for transient failures (broker down, timeout): the caller retries the whole
   * batch, which may duplicate messages but never loses or reorders one.
   */
  publish(messages: readonly NoticeMessage[]): Promise<void>;
  /** Resolves when a broker answers (a metadata request), rejects when none does: readiness while idle. */
  reachable(): Promise<void>;
  close(): Promise<void>;
}

/** A message the broker will never accept (too large, invalid, not authorized). */
export class NoticeRejectedError extends Error {
  override readonly name = 'NoticeRejectedError';
  constructor(
    message: string,
    readonly reason: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export const NOTICE_PUBLISHER = Symbol('NOTICE_PUBLISHER');
