/**
 * Static validation of deploy/docker, deploy/compose and deploy/k8s: no Docker engine or cluster
 * runs here, so these files are checked against the code they deploy instead — config variable
 * names, app entry points, probes, singletons and the image's build mapping.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES } from '../../libs/platform/src/config.js';

type Obj = Record<string, unknown>;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMPOSE_DIR = join(ROOT, 'deploy/compose');
const K8S_DIR = join(ROOT, 'deploy/k8s');
const DOCKERFILE = join(ROOT, 'deploy/docker/Dockerfile');
const KNOWN_VARIABLES = new Set(Object.keys(CONFIG_VARIABLES));
const HEALTH_PATHS = new Set(['/health/live', '/health/ready']);
const SINGLETON_APPS = ['projector', 'notice-relay', 'expiry-scheduler'];
const API_APP = 'authorization-service';
const ENTRY = /dist\/apps\/([a-z0-9-]+)\/src\/main\.js/g;

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const obj = (value: unknown): Obj => (isObj(value) ? value : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string => (Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '');
const appsIn = (value: unknown): string[] => [...text(value).matchAll(ENTRY)].map((m) => m[1] ?? '');

/** Parses every YAML document of a file; compose uses `<<` merge keys, so they are enabled. */
function readYaml(path: string): unknown[] {
  return parseAllDocuments(readFileSync(path, 'utf8'), { merge: true }).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJS() as unknown;
  });
}

// ---- Dockerfile --------------------------------------------------------------------------
interface Instruction { readonly op: string; readonly args: string; readonly stage: number }
const dockerInstructions: Instruction[] = [];
{
  let stage = -1;
  const logical = readFileSync(DOCKERFILE, 'utf8').replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const line of logical.map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))) {
    const [op = '', ...rest] = line.split(/\s+/);
    if (op.toUpperCase() === 'FROM') stage += 1;
    dockerInstructions.push({ op: op.toUpperCase(), args: rest.join(' '), stage });
  }
}
const lastStage = Math.max(...dockerInstructions.map((i) => i.stage));
const inStage = (op: string, stage: number) => dockerInstructions.filter((i) => i.op === op && i.stage === stage);
const dockerCmd = inStage('CMD', lastStage).map((i) => JSON.parse(i.args) as string[]).at(-1) ?? [];

// ---- compose -------------------------------------------------------------------------------
const composeFiles = readdirSync(COMPOSE_DIR).filter((f) => /\.ya?ml$/.test(f));
const compose = obj(readYaml(join(COMPOSE_DIR, 'docker-compose.yml'))[0]);
const services = Object.entries(obj(compose['services'])).map(([name, spec]) => ({ name, spec: obj(spec) }));
const appServices = services.filter((s) => text(obj(s.spec['build'])['dockerfile']).endsWith('deploy/docker/Dockerfile'));
const serviceApps = (spec: Obj): string[] => {
  const named = [...appsIn(spec['entrypoint']), ...appsIn(spec['command'])];
  return named.length > 0 ? named : appsIn(dockerCmd);
};
const envOf = (spec: Obj): Obj =>
  Array.isArray(spec['environment'])
    ? Object.fromEntries(spec['environment'].map((e) => text(e).split(/=(.*)/s).slice(0, 2)))
    : obj(spec['environment']);

// ---- k8s -----------------------------------------------------------------------------------
const k8sFiles = readdirSync(K8S_DIR).filter((f) => /\.ya?ml$/.test(f));
const manifests = k8sFiles.filter((f) => f !== 'kustomization.yaml').flatMap((f) => readYaml(join(K8S_DIR, f)).map(obj));
const ofKind = (kind: string) => manifests.filter((m) => m['kind'] === kind);
const deployments = ofKind('Deployment').map((d) => {
  const template = obj(obj(d['spec'])['template']);
  const pod = obj(template['spec']);
  const containers = list(pod['containers']).map(obj);
  const apps = containers.flatMap((c) => [...appsIn(c['command']), ...appsIn(c['args'])]);
  return { d, spec: obj(d['spec']), podLabels: obj(obj(template['metadata'])['labels']), pod, containers, apps };
});
const apiDeployments = deployments.filter((d) => d.apps.includes(API_APP));
const selects = (selector: Obj, labels: Obj) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

const referencedApps = [
  ...new Set([...appsIn(dockerCmd), ...appServices.flatMap((s) => serviceApps(s.spec)), ...deployments.flatMap((d) => d.apps)]),
].sort();

describe('deploy manifests', () => {
  it('reference every long-running app', () => {
    expect(referencedApps).toEqual(expect.arrayContaining([API_APP, ...SINGLETON_APPS]));
  });

  it.each(referencedApps)('start dist/apps/%s/src/main.js, built from an existing apps/<app>/src/main.ts', (app) => {
    expect(existsSync(join(ROOT, 'apps', app, 'src/main.ts'))).toBe(true);
  });

  it('build dist/ from the sources at the same relative path (tsconfig rootDir "." → outDir dist)', () => {
    const base = obj(JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as unknown);
    const build = obj(JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as unknown);
    expect(obj(base['compilerOptions'])).toMatchObject({ rootDir: '.', outDir: 'dist' });
    expect(list(build['include'])).toContain('apps/**/*.ts');
  });
});

describe('Dockerfile', () => {
  it('is multi-stage, building in node:26-bookworm-slim (package.json engines: >= 22.22)', () => {
    const froms = dockerInstructions.filter((i) => i.op === 'FROM');
    expect(froms.length).toBeGreaterThanOrEqual(2);
    expect(inStage('ARG', -1).map((i) => i.args).join(' ')).toContain('node:26-bookworm-slim');
  });

  it('installs, builds and prunes dev dependencies in the build stage', () => {
    const runs = dockerInstructions.filter((i) => i.op === 'RUN' && i.stage < lastStage).map((i) => i.args).join(' ');
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).toMatch(/npm run build\b/);
    expect(runs).toMatch(/npm prune --omit=dev\b/);
  });

  it('copies into the build stage only paths that exist in the repository', () => {
    const sources = dockerInstructions
      .filter((i) => i.op === 'COPY' && i.stage < lastStage && !i.args.includes('--from'))
      .flatMap((i) => i.args.split(/\s+/).filter((a) => !a.startsWith('--')).slice(0, -1));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'apps', 'libs']));
    for (const source of sources) expect([source, existsSync(join(ROOT, source))]).toEqual([source, true]);
  });

  it('ships dist, production node_modules, package.json and the catalogue where dist loads it', () => {
    const copies = inStage('COPY', lastStage).map((i) => i.args);
    for (const what of ['/app/dist ./dist', '/app/node_modules ./node_modules', '/app/package.json ./package.json']) {
      expect(copies.some((c) => c.startsWith('--from=build') && c.endsWith(what))).toBe(true);
    }
    const catalogue = 'libs/domain/catalogue/default-catalogue.json';
    expect(existsSync(join(ROOT, catalogue))).toBe(true);
    expect(copies).toContain(`--from=build /app/${catalogue} ./dist/${catalogue}`);
  });

  it('runs as a non-root user', () => {
    const user = inStage('USER', lastStage).at(-1)?.args ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
  });

  it('health-checks /health/live with node and runs the API by default', () => {
    expect(inStage('HEALTHCHECK', lastStage).map((i) => i.args).join(' ')).toMatch(/"node".*\/health\/live/);
    expect(dockerCmd).toEqual(['node', `dist/apps/${API_APP}/src/main.js`]);
  });

  it('sets only known configuration variables', () => {
    const names = inStage('ENV', lastStage).flatMap((i) => [...i.args.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map((m) => m[1]));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !KNOWN_VARIABLES.has(n ?? ''))).toEqual([]);
  });
});

describe('docker compose', () => {
  it('parses, with the apps built from deploy/docker/Dockerfile', () => {
    for (const file of composeFiles) expect(() => readYaml(join(COMPOSE_DIR, file))).not.toThrow();
    for (const { spec } of appServices) {
      const build = obj(spec['build']);
      expect(existsSync(join(COMPOSE_DIR, text(build['context']), text(build['dockerfile'])))).toBe(true);
    }
  });

  it('runs 2 API replicas and exactly one projector, relay and scheduler', () => {
    const count = (app: string) => appServices.filter((s) => !s.spec['profiles'] && serviceApps(s.spec).includes(app)).length;
    expect(count(API_APP)).toBeGreaterThanOrEqual(2);
    for (const app of SINGLETON_APPS) expect([app, count(app)]).toEqual([app, 1]);
  });

  it('gives the apps only known configuration variables, pointing at services of the file', () => {
    const names = new Set(services.map((s) => s.name));
    for (const { name, spec } of appServices) {
      const env = envOf(spec);
      expect([name, Object.keys(env).filter((k) => !KNOWN_VARIABLES.has(k))]).toEqual([name, []]);
      expect(text(env['EVENT_STORE_URL'])).toBe('esdb://eventstore:2113?tls=false');
      expect(text(env['KAFKA_BROKERS'])).toBe('kafka:9092');
      expect(text(env['AUTH_JWT_SECRET'])).toMatch(/^\$\{AUTH_JWT_SECRET:\?/);
      const hosts = [new URL(text(env['EVENT_STORE_URL'])).hostname, new URL(text(env['READ_STORE_URL'])).hostname];
      hosts.push(...text(env['KAFKA_BROKERS']).split(',').map((b) => b.split(':')[0] ?? ''));
      expect(hosts.filter((h) => !names.has(h))).toEqual([]);
    }
  });

  it('starts apps only after their dependencies are healthy or done', () => {
    const byName = new Map(services.map((s) => [s.name, s.spec]));
    for (const { name, spec } of appServices) {
      const deps = Object.entries(obj(spec['depends_on']));
      expect([name, deps.map(([dep]) => dep)]).toEqual([name, expect.arrayContaining(['eventstore', 'postgres'])]);
      for (const [dep, condition] of deps) {
        const wanted = text(obj(condition)['condition']);
        expect(['service_healthy', 'service_completed_successfully']).toContain(wanted);
        if (wanted === 'service_healthy') expect([dep, list(obj(byName.get(dep)?.['healthcheck'])['test']).length > 0]).toEqual([dep, true]);
      }
    }
    const relay = appServices.find((s) => serviceApps(s.spec).includes('notice-relay'));
    expect(Object.keys(obj(relay?.spec['depends_on']))).toContain('kafka-init');
  });

  it('health-checks the API replicas on /health/live or /health/ready', () => {
    for (const { spec } of appServices.filter((s) => serviceApps(s.spec).includes(API_APP))) {
      const paths = [...text(obj(spec['healthcheck'])['test']).matchAll(/\/health\/[a-z]+/g)].map((m) => m[0]);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(HEALTH_PATHS.has(path)).toBe(true);
    }
  });
});

describe('kubernetes manifests', () => {
  it('parse, and kustomization lists exactly the manifest files', () => {
    const kustomization = obj(readYaml(join(K8S_DIR, 'kustomization.yaml'))[0]);
    expect(list(kustomization['resources']).map(text).sort()).toEqual(k8sFiles.filter((f) => f !== 'kustomization.yaml').sort());
    for (const m of manifests) expect([m['kind'], typeof obj(m['metadata'])['name']]).toEqual([expect.any(String), 'string']);
  });

  it('configure only known variables, from a ConfigMap and a Secret that exist', () => {
    const configMaps = ofKind('ConfigMap');
    const secrets = ofKind('Secret');
    expect(configMaps.length).toBeGreaterThan(0);
    expect(secrets.length).toBeGreaterThan(0);
    const keys = [
      ...configMaps.flatMap((c) => Object.keys(obj(c['data']))),
      ...secrets.flatMap((s) => [...Object.keys(obj(s['stringData'])), ...Object.keys(obj(s['data']))]),
      ...deployments.flatMap((d) => d.containers.flatMap((c) => list(c['env']).map((e) => text(obj(e)['name'])))),
    ];
    expect(keys.filter((k) => !KNOWN_VARIABLES.has(k))).toEqual([]);
    const names = (items: Obj[]) => items.map((i) => obj(i['metadata'])['name']);
    for (const ref of deployments.flatMap((d) => d.containers.flatMap((c) => list(c['envFrom']).map(obj)))) {
      if (ref['configMapRef']) expect(names(configMaps)).toContain(obj(ref['configMapRef'])['name']);
      if (ref['secretRef']) expect(names(secrets)).toContain(obj(ref['secretRef'])['name']);
    }
  });

  it('mark every secret value as a placeholder', () => {
    for (const value of ofKind('Secret').flatMap((s) => Object.values(obj(s['stringData'])))) expect(text(value)).toContain('CHANGE-ME');
  });

  it('probe only /health/live and /health/ready; the API is ready on /health/ready and live on /health/live', () => {
    const probes = deployments.flatMap((d) => d.containers.flatMap((c) => ['readinessProbe', 'livenessProbe', 'startupProbe'].map((p) => obj(c[p]))));
    for (const probe of probes.filter((p) => p['httpGet'])) expect(HEALTH_PATHS.has(text(obj(probe['httpGet'])['path']))).toBe(true);
    expect(apiDeployments.length).toBe(1);
    for (const { containers } of apiDeployments) {
      const api = containers.find((c) => appsIn(c['command']).includes(API_APP)) ?? {};
      expect(obj(obj(api['readinessProbe'])['httpGet'])['path']).toBe('/health/ready');
      expect(obj(obj(api['livenessProbe'])['httpGet'])['path']).toBe('/health/live');
    }
  });

  it('run the API with 2+ replicas behind a Service and a PodDisruptionBudget', () => {
    const api = apiDeployments[0];
    expect(Number(api?.spec['replicas'])).toBeGreaterThanOrEqual(2);
    const service = ofKind('Service').find((s) => selects(obj(obj(s['spec'])['selector']), api?.podLabels ?? {}));
    const portNames = (api?.containers ?? []).flatMap((c) => list(c['ports']).map((p) => obj(p)['name']));
    const targets = list(obj(service?.['spec'])['ports']).map((p) => obj(p)['targetPort']);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(portNames).toContain(target);
    const pdb = ofKind('PodDisruptionBudget').find((p) => selects(obj(obj(obj(p['spec'])['selector'])['matchLabels']), api?.podLabels ?? {}));
    expect(pdb).toBeDefined();
  });

  it.each(SINGLETON_APPS)('run %s as one replica with the Recreate strategy (it holds a lease)', (app) => {
    const found = deployments.filter((d) => d.apps.includes(app));
    expect(found.length).toBe(1);
    expect(found[0]?.spec['replicas']).toBe(1);
    expect(obj(found[0]?.spec['strategy'])['type']).toBe('Recreate');
  });

  it('run every container non-root, read-only, without privilege escalation, with resources', () => {
    expect(deployments.length).toBeGreaterThanOrEqual(4);
    for (const { d, spec, pod, podLabels, containers } of deployments) {
      const name = obj(d['metadata'])['name'];
      expect([name, selects(obj(obj(spec['selector'])['matchLabels']), podLabels)]).toEqual([name, true]);
      expect([name, obj(pod['securityContext'])['runAsNonRoot']]).toEqual([name, true]);
      for (const c of containers) {
        expect([name, obj(c['securityContext'])]).toEqual([name, expect.objectContaining({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false })]);
        const resources = obj(c['resources']);
        expect([name, obj(resources['requests'])['memory'], obj(resources['limits'])['memory']]).toEqual([name, expect.any(String), expect.any(String)]);
      }
    }
  });
});
