/** `authz projections rebuild`: empty the read models and replay the whole log (stop the projector first). */
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { CliStores } from './cli-stores.js';
import { progressBar } from './progress.js';
import { rebuildProjections, rebuildSummary } from './rebuild-projections.js';

@SubCommand({ name: 'rebuild', description: 'truncate the read models and replay every event from the start' })
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(): Promise<void> {
    const { store, events } = await this.stores.get();
    const bar = progressBar('rebuild', 0);
    const result = await rebuildProjections(store, events, (done, total) => bar.update(done, total));
    bar.stop();
    process.stderr.write(rebuildSummary(result));
  }
}

@Command({ name: 'projections', description: 'operate the read models', subCommands: [ProjectionsRebuildCommand] })
export class ProjectionsCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
