/**
 * The notice relay as its own process: event store → Kafka. Run several for availability: one
 * holds the lease, the others stand by. On SIGTERM it finishes the batch in flight and releases
 * its lease. A halted relay (a message that can never be published) reports not-live; the leader
 * reports not-ready while Kafka does not answer. The health port is bound before the relay starts,
 * so a process that cannot bind it exits without ever taking the lease.
 */
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { NOTICE_RELAY, NoticeRelayModule } from './notice-relay.module.js';
import type { NoticeRelay } from './notice-relay.js';

runWorker({
  name: 'notice-relay',
  module: NoticeRelayModule,
  health: (app) => {
    const relay = app.get<NoticeRelay>(NOTICE_RELAY);
    return {
      live: relay.status !== 'halted',
      ready: relay.ready,
      detail: { relay: relay.status, position: relay.position, kafka: relay.kafka },
    };
  },
});
