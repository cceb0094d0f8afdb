#!/usr/bin/env node
/** `authz`: operator and compliance CLI (audit export/verify, projections rebuild, dev tokens). */
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';

const main = async (): Promise<void> => {
  await CommandFactory.run(CliModule, {
    cliName: 'authz',
    logger: ['error', 'warn'],
    // A usage error (an unknown option, a missing argument) exits 2, as `audit verify` documents.
    errorHandler: (error: Error & { exitCode?: number; code?: string }) => {
      const informational = error.code === 'commander.helpDisplayed' || error.code === 'commander.help' || error.code === 'commander.version';
      process.exit(informational ? 0 : 2);
    },
    serviceErrorHandler: (error: Error) => {
      process.stderr.write(`authz: ${error.message}\n`);
      process.exitCode = 1;
    },
  });
};

void main();
