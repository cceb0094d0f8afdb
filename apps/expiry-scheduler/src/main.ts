/**
 * The expiry scheduler as its own process (SPEC §9 "scheduler"): ticks every second; on SIGTERM it
 * finishes the tick in progress. Several instances may run at once: each expiry and reminder is
 * written once.
 */
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { ExpirySchedulerModule } from './expiry-scheduler.module.js';

runWorker({ name: 'expiry-scheduler', module: ExpirySchedulerModule });
