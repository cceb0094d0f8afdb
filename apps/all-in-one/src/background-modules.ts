import { ProjectorModule } from '../../projector/src/projector.module.js';

/** The workers composed into the all-in-one process, each also runnable alone (apps/<name>/src/main.ts). */
export const BACKGROUND_MODULES = [ProjectorModule] as const;
