/**
 * The people cascade as its own process: its processor host follows the event store from the
 * cascade's checkpoint and revokes or withdraws on departures and role changes; ready once caught
 * up; on SIGTERM it stops after the batch in progress.
 */
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { PROCESSOR_HOST } from '../../../libs/processors/src/processor-host.module.js';
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { PeopleCascadeModule } from './people-cascade.module.js';

runWorker({
  name: 'people-cascade',
  module: PeopleCascadeModule,
  health: async (app) => {
    const { ready, head, processors } = await app.get<ProcessorHost>(PROCESSOR_HOST).readiness();
    return { live: true, ready, detail: { head, processors } };
  },
});
