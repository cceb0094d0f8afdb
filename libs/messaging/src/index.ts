export * from './notice-publisher.port.js';
export * from './notice-context.js';
export * from './to-notice-message.js';
export { KafkaNoticePublisher, type KafkaNoticePublisherOptions } from './kafka/kafka-notice-publisher.js';
export * from './to-report-notice-message.js';
