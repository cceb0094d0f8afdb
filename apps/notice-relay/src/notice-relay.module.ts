/**
 * The notice relay as a Nest module: one NoticeRelay for the application's lifetime. Needs
 * EVENT_STORE, SQL_CLIENT, APP_CONFIG and CATALOGUE from the composing app (PlatformModule
 * provides them). Without KAFKA_BROKERS it publishes nothing and keeps its position. In a process
 * that serves HTTP the relay starts (takes its lease) only once the server listens: a process that
 * cannot bind its port exits without holding the lease (a standalone worker binds before it boots).
 */
import { Inject, Injectable, Logger, Module, Optional, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:net';
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
  constructor(
    @Inject(NOTICE_RELAY) private readonly relay: NoticeRelay,
    @Optional() private readonly adapterHost?: HttpAdapterHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = this.adapterHost?.httpAdapter?.getHttpServer() as Server | undefined;
    if (server && !server.listening) {
      server.once('listening', () => {
        this.relay.start().catch((error: unknown) => nestLogger.error({ err: error, msg: 'notice relay failed to start' }));
      });
      return;
    }
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
