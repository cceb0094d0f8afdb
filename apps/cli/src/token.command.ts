/** `authz token`: dev tokens. Placeholder registered for the lead to implement. */
import { Command, CommandRunner } from 'nest-commander';

@Command({ name: 'token', description: 'issue a development token (not yet implemented)' })
export class TokenCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('not yet\n');
  }
}
