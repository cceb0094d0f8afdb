/** `authz kpis --period 2026-Q4 [--team A] [--employee E101] [--csv]`: KPIs per employee from the read store. */
import { Command, CommandRunner, Option } from 'nest-commander';
import { KpiStore, kpisToCsv, kpisToTable, migrateKpiTables, parsePeriod, queryKpis } from '../../../libs/read-models/src/kpis/index.js';
import { CliStores } from './cli-stores.js';

interface KpisOptions {
  readonly period?: string;
  readonly team?: string;
  readonly employee?: string;
  readonly csv?: boolean;
}

@Command({ name: 'kpis', description: 'print KPIs per employee for a month (YYYY-MM) or quarter (YYYY-Qn), as a table or CSV' })
export class KpisCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(_params: string[], options: KpisOptions = {}): Promise<void> {
    if (options.period === undefined) throw new Error('usage: authz kpis --period 2026-Q4 [--team A] [--employee E101] [--csv]');
    const period = parsePeriod(options.period);
    const { sql, events } = await this.stores.get();
    await migrateKpiTables(sql);
    // Supervision facts are caught up from the event store first, as the API does.
    await new KpiStore(sql).catchUp(events);
    const kpis = await queryKpis(sql, period, {
      ...(options.team !== undefined ? { team: options.team } : {}),
      ...(options.employee !== undefined ? { employeeIds: [options.employee] } : {}),
    });
    process.stdout.write(options.csv === true ? kpisToCsv(kpis) : kpisToTable(kpis));
    if (options.csv !== true) process.stderr.write(`${kpis.length} employees, period ${period.name} (${new Date(period.from).toISOString()} … ${new Date(period.to).toISOString()})\n`);
  }

  @Option({ flags: '-p, --period <period>', description: 'YYYY-MM or YYYY-Qn (UTC)', required: true })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '-t, --team <team>', description: 'only employees of this team' })
  parseTeam(value: string): string {
    return value;
  }

  @Option({ flags: '-e, --employee <employeeId>', description: 'only this employee' })
  parseEmployee(value: string): string {
    return value;
  }

  @Option({ flags: '--csv', description: 'CSV (with a header line) instead of a table' })
  parseCsv(): boolean {
    return true;
  }
}
