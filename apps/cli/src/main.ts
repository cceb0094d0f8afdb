#!/usr/bin/env node
/** `authz`: operator and compliance CLI (audit export/verify, projections rebuild, dev tokens). */
import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';

const main = async (): Promise<void> => {
  await CommandFactory.run(CliModule, {
    cliName: 'authz',
    logger: ['error', 'warn'],
    serviceErrorHandler: (error: Error) => {
      process.stderr.write(`authz: ${error.message}\n`);
      process.exitCode = 1;
    },
  });
};

void main();
