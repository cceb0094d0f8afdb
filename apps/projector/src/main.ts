/**
 * The projector as its own process: event store → SQL read models; ready once caught up with the
 * log. On SIGTERM it finishes the batch in flight (rows and checkpoint commit together).
 */
import { runWorker } from '../../../libs/platform/src/run-worker.js';
import { PROJECTOR, ProjectorModule } from './projector.module.js';
import type { Projector } from './projector.js';

runWorker({
  name: 'projector',
  module: ProjectorModule,
  health: async (app) => {
    const projector = app.get<Projector>(PROJECTOR);
    const lag = await projector.lag();
    return { live: true, ready: !lag.behind || projector.isCaughtUp(), detail: { ...lag } };
  },
});
