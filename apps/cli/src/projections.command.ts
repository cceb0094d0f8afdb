/** `authz projections rebuild`: empty the read models and replay the whole log (stop the projector first). */
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { decodePosition } from '../../../libs/event-store/src/position.js';
import { rebuildReadModels } from '../../../libs/read-models/src/postgres/rebuild.js';
import { CliStores } from './cli-stores.js';
import { progressBar } from './progress.js';

/** The sequence part of a position, for the bar only; positions are opaque otherwise. */
const sequenceOf = (position: string): number | null => {
  try {
    const value = Number(decodePosition(position)[1]);
    return Number.isFinite(value) ? value : null;
  } catch {
    return null;
  }
};

@SubCommand({ name: 'rebuild', description: 'truncate the read models and replay every event from the start' })
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(): Promise<void> {
    const { store, events } = await this.stores.get();
    const head = await events.headPosition();
    const total = sequenceOf(head);
    const bar = progressBar('rebuild', total ?? 0);
    const result = await rebuildReadModels(store, events, {
      onProgress: (p) => {
        const at = sequenceOf(p.position);
        bar.update(total !== null && at !== null ? at : p.applied, total ?? p.applied);
      },
    });
    bar.stop();
    const seconds = result.elapsedMs / 1000;
    process.stderr.write(`rebuilt the read models from ${result.applied} events in ${seconds.toFixed(2)} s (${Math.round(result.applied / Math.max(seconds, 0.001))} events/s), checkpoint ${result.position}\n`);
  }
}

@Command({ name: 'projections', description: 'operate the read models', subCommands: [ProjectionsRebuildCommand] })
export class ProjectionsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
