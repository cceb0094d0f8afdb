/**
 * The notice relay as a Nest module: its reactor registers with the process's processor host (one
 * subscription however many processors the process runs). Needs EVENT_STORE, SQL_CLIENT,
 * APP_CONFIG and CATALOGUE from the composing app (PlatformModule provides them). Without
 * KAFKA_BROKERS nothing is registered: nothing is published and its checkpoint stays where it was.
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/platform/src/config.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import type { Catalogue } from '../../../libs/domain/src/catalogue/catalogue.js';
import { PROCESSOR_HOST, ProcessorHostModule } from '../../../libs/processors/src/processor-host.module.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { KafkaNoticePublisher, NOTICE_PUBLISHER, type NoticePublisher } from '../../../libs/messaging/src/index.js';
import { NoticeRelay, type RelayLogger } from './notice-relay.js';

export const NOTICE_RELAY = Symbol('NOTICE_RELAY');

/** The relay's probe and metrics run while the application does; the host starts and stops its reactor. */
@Injectable()
class NoticeRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(NOTICE_RELAY) private readonly relay: NoticeRelay) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

const nestLogger = new Logger('NoticeRelay');
const logger: RelayLogger = {
  info: (obj, msg) => nestLogger.log({ ...obj, msg }),
  warn: (obj, msg) => nestLogger.warn({ ...obj, msg }),
  error: (obj, msg) => nestLogger.error({ ...obj, msg }),
};

const providers: Provider[] = [
  {
    provide: NOTICE_PUBLISHER,
    useFactory: (config: AppConfig): NoticePublisher | null =>
      config.kafkaBrokers === null
        ? null
        : new KafkaNoticePublisher({
            brokers: config.kafkaBrokers,
            topic: config.kafkaTopicNotices,
            clientId: config.kafkaClientId,
            log: (level, message, extra) => logger[level](extra, message),
          }),
    inject: [APP_CONFIG],
  },
  {
    provide: NOTICE_RELAY,
    useFactory: (events: EventStore, sql: SqlClient, publisher: NoticePublisher | null, config: AppConfig, catalogue: Catalogue, host: ProcessorHost) => {
      const relay = new NoticeRelay(events, sql, publisher, {
        topic: config.kafkaTopicNotices,
        host,
        logger,
        matterNames: (matter) => catalogue.matters[matter]?.names ?? catalogue.authorities[matter]?.names ?? null,
      });
      // The one registration line (issue 12): the host runs the reactor under its lease.
      if (relay.processor) host.register(relay.processor);
      return relay;
    },
    inject: [EVENT_STORE, SQL_CLIENT, NOTICE_PUBLISHER, APP_CONFIG, CATALOGUE, PROCESSOR_HOST],
  },
  { provide: NoticeRelay, useExisting: NOTICE_RELAY },
  NoticeRelayLifecycle,
];

@Module({ imports: [ProcessorHostModule], providers, exports: [NOTICE_RELAY, NoticeRelay] })
export class NoticeRelayModule {}
