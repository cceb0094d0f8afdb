import { execFileSync } from 'node:child_process';
import { describeIf } from '../testing/describe-if.js';
import { runEventStoreContract } from '../testing/event-store.contract.js';
import { createEsdbEventStore } from './esdb-event-store.js';

const esdbUrl = process.env['ESDB_URL'];

const dockerReachable = (): boolean => {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5_000 });
    return true;
  } catch {
    return false;
  }
};

const canRun = esdbUrl !== undefined || dockerReachable();

describeIf(canRun, 'EventStoreDB contract suite: ESDB_URL is not set and no Docker daemon is reachable to start eventstore/eventstore:24.10')(
  'EventStoreDB adapter',
  () => {
    runEventStoreContract('EventStoreDB', async () => {
      if (esdbUrl) {
        const store = createEsdbEventStore(esdbUrl);
        return { store, teardown: () => store.close() };
      }
      const { GenericContainer, Wait } = await import('testcontainers');
      const container = await new GenericContainer('eventstore/eventstore:24.10')
        .withEnvironment({ EVENTSTORE_INSECURE: 'true', EVENTSTORE_RUN_PROJECTIONS: 'None', EVENTSTORE_MEM_DB: 'true' })
        .withExposedPorts(2113)
        .withWaitStrategy(Wait.forLogMessage(/IS LEADER/))
        .start();
      const store = createEsdbEventStore(`esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`);
      return {
        store,
        teardown: async () => {
          await store.close();
          await container.stop();
        },
      };
    }, { setupTimeoutMs: 180_000 });
  },
);
