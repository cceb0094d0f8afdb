/**
 * The people cascade as its own process: follows the event store from its checkpoint and revokes
 * or withdraws on departures and role changes; on SIGTERM it stops after the event in progress.
 */
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { PeopleCascadeModule } from './people-cascade.module.js';

runWorker({ name: 'people-cascade', module: PeopleCascadeModule });
