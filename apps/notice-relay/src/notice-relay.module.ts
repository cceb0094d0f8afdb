/**
 * The notice relay as a Nest module: one NoticeRelay for the application's lifetime. Needs
 * EVENT_STORE, SQL_CLIENT, APP_CONFIG and CATALOGUE from the composing app (PlatformModule
 * provides them). Without KAFKA_BROKERS it publishes nothing and keeps its position.
 */
import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../../libs/event-store/src/event-store.port.js';
import { SQL_CLIENT, type SqlClient } from '../../../libs/sql/src/sql-client.port.js';
import { APP_CONFIG, type AppConfig } from '../../../libs/platform/src/config.js';
import { CATALOGUE } from '../../../libs/platform/src/catalogue-loader.js';
import type { Catalogue } from '../../../libs/domain/src/catalogue/catalogue.js';
import { KafkaNoticePublisher, NOTICE_PUBLISHER, type NoticePublisher } from '../../../libs/messaging/src/index.js';
import { NoticeRelay, type RelayLogger } from './notice-relay.js';

export const NOTICE_RELAY = Symbol('NOTICE_RELAY');

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
    useFactory: (events: EventStore, sql: SqlClient, publisher: NoticePublisher | null, config: AppConfig, catalogue: Catalogue) =>
      new NoticeRelay(events, sql, publisher, {
        topic: config.kafkaTopicNotices,
        logger,
        matterNames: (matter) => catalogue.matters[matter]?.names ?? catalogue.authorities[matter]?.names ?? null,
      }),
    inject: [EVENT_STORE, SQL_CLIENT, NOTICE_PUBLISHER, APP_CONFIG, CATALOGUE],
  },
  { provide: NoticeRelay, useExisting: NOTICE_RELAY },
  NoticeRelayLifecycle,
];

@Module({ providers, exports: [NOTICE_RELAY, NoticeRelay] })
export class NoticeRelayModule {}
