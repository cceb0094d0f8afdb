// `npm run bench`: runs every benchmark in bench/ one after another (after `npm run build`), each
// printing its table and writing bench/results/<name>.json. Needs the local services for the
// PostgreSQL and Kafka parts: `bash deploy/local/postgres.sh start && bash deploy/local/kafka.sh start`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
// `*.bench-large.mjs` take minutes (e.g. a log of 5 million events): run only when named.
const benches = readdirSync(here)
  .filter((file) => file.endsWith('.bench.mjs') || (file.endsWith('.bench-large.mjs') && only.length > 0))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)));
let failed = 0;
for (const file of benches) {
  process.stdout.write(`\n== ${file} ==\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
