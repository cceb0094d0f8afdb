export * from './notice-publisher.port.js';
export * from './notice-context.js';
export * from './notice-source.js';
export * from './notice-mapper.js';
export * from './notice-sources.js';
export * from './to-notice-message.js';
export * from './to-report-notice-message.js';
export { KafkaNoticePublisher, type KafkaNoticePublisherOptions } from './kafka/kafka-notice-publisher.js';
