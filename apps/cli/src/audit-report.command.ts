/** `authz audit report --at T [--csv|--html] [--out FILE]`: who held what at T, by role and by grant, with each grant's approval chain. */
import { writeFile } from 'node:fs/promises';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { loadCatalogue, loadConfig } from '../../../libs/platform/src/index.js';
import { reportToCsv, reportToHtml, reportToText } from '../../../libs/read-models/src/audit/report/holdings-report.js';
import { CliStores } from './cli-stores.js';
import { progressBar } from './progress.js';
import { reportHoldings } from './report-holdings.js';

interface ReportOptions {
  readonly at?: string;
  readonly csv?: boolean;
  readonly html?: boolean;
  readonly out?: string;
}

@SubCommand({ name: 'report', description: 'who held what at an instant: role baselines and grants in force, each grant with its approval chain (text, --csv or --html)' })
export class AuditReportCommand extends CommandRunner {
  constructor(private readonly stores: CliStores) {
    super();
  }

  async run(_params: string[], options: ReportOptions = {}): Promise<void> {
    if (options.at === undefined || Number.isNaN(Date.parse(options.at))) throw new Error('usage: authz audit report --at 2026-10-01T00:00:00Z [--csv | --html] [--out FILE]');
    if (options.csv === true && options.html === true) throw new Error('--csv and --html exclude each other');
    const catalogue = loadCatalogue(loadConfig(process.env, { verifiesTokens: false }).policyFile);
    const { events } = await this.stores.get();
    const bar = progressBar('report', 0);
    const report = await reportHoldings(events, catalogue, options.at, (done, total) => bar.update(done, total)).finally(() => bar.stop());
    const text = options.csv === true ? reportToCsv(report) : options.html === true ? reportToHtml(report) : reportToText(report);
    if (options.out === undefined) process.stdout.write(text);
    else await writeFile(options.out, text);
    process.stderr.write(`${report.byGrant.length} grants and ${report.byRole.length} role holdings in force at ${report.at}${options.out === undefined ? '' : `, written to ${options.out}`}\n`);
  }

  @Option({ flags: '--at <instant>', description: 'the instant (ISO-8601)', required: true })
  parseAt(value: string): string {
    return value;
  }

  @Option({ flags: '--csv', description: 'CSV with a header line' })
  parseCsv(): boolean {
    return true;
  }

  @Option({ flags: '--html', description: 'a self-contained HTML page' })
  parseHtml(): boolean {
    return true;
  }

  @Option({ flags: '-o, --out <file>', description: 'write to FILE instead of stdout' })
  parseOut(value: string): string {
    return value;
  }
}
