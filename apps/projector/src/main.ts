/**
 * The projector as its own process: event store → SQL read models; ready once caught up with the
 * log. On SIGTERM it finishes the batch in flight (rows and checkpoint commit together).
 */
import { PROCESSOR_HOST } from '../../../libs/processors/src/processor-host.module.js';
import type { ProcessorHost } from '../../../libs/processors/src/host.js';
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { ProjectorModule } from './projector.module.js';

runWorker({
  name: 'projector',
  module: ProjectorModule,
  health: async (app) => {
    const { ready, head, processors } = await app.get<ProcessorHost>(PROCESSOR_HOST).readiness();
    const behind = processors.some((p) => p.leading && p.position < head);
    return { live: true, ready, detail: { head, behind, processors } };
  },
});
