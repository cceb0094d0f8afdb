/**
 * The declared ports of the API app's feature areas: the only files of an area that another area
 * (or shared/) may import, besides its Nest module (`<area>/*.module.ts`, whose exports are what
 * other modules may inject). Everything else in an area is its own; widening a port is a reviewed
 * change to this table, not a stray import.
 */
const API = '^apps/authorization-service/src/';
const AREAS = ['access-reviews', 'auth', 'catalogue', 'checks', 'decisions', 'directory', 'health', 'meetings', 'notifications', 'queries', 'supervision', 'training-plans', 'workflow'];
const PORTS = {
  'access-reviews': [],
  auth: ['principal.ts', 'current-principal.decorator.ts', 'public.decorator.ts', 'auth.guard.ts', 'authenticator.ts'],
  catalogue: [],
  checks: ['permission-index.service.ts', 'check.schemas.ts'],
  decisions: ['decision-log.port.ts'],
  directory: ['directory.service.ts', 'employee-runner.ts', 'employee-id.pipe.ts', 'register-employee/register-employee.dto.ts'],
  health: ['readiness.ts'],
  meetings: [],
  notifications: [],
  queries: ['read-access.ts', 'read-model-consistency.ts'],
  supervision: ['supervision-runner.ts', 'supervision-answer.ts', 'supervision-id.pipe.ts', 'read-backs/record-readers.ts'],
  'training-plans': [],
  workflow: ['authorization-runner.ts', 'designation-source.ts'],
};
const escape = (text) => text.replaceAll('.', '\\.');
const PORT_PATHS = [
  `${API}(${AREAS.join('|')})/[^/]+\\.module\\.ts$`,
  ...Object.entries(PORTS).flatMap(([area, files]) => files.map((file) => `${API}${area}/${escape(file)}$`)),
];

/** Layer rules of STYLE.md, checked on every lint (npm run lint). */
module.exports = {
  forbidden: [
    {
      name: 'features-meet-through-ports',
      comment:
        'An API feature area imports another area only through that area\'s declared ports (PORTS above); ' +
        'the app module composes the areas, http/ is the edge, shared/ is for all.',
      severity: 'error',
      from: { path: `${API}(${AREAS.join('|')}|shared)/` },
      to: { path: `${API}(${AREAS.join('|')})/`, pathNot: [`${API}$1/`, ...PORT_PATHS] },
    },
    {
      name: 'domain-is-pure',
      comment: 'libs/domain imports nothing but itself: no Node built-ins, no packages, no other lib.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'contracts-have-no-dependencies',
      comment: 'Wire formats only: Node built-ins at most, no packages, no other lib.',
      severity: 'error',
      from: { path: '^libs/contracts/' },
      to: { pathNot: '^libs/contracts/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-app-to-app',
      comment: 'An app never imports another app; only the all-in-one composes them.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/all-in-one/' },
      to: { path: '^apps/([^/]+)/', pathNot: '^apps/$1/' },
    },
    {
      name: 'http-problems-only-at-the-edge',
      comment:
        'STYLE.md §16d: features throw application errors (shared/application-errors.ts); only the HTTP edge turns them into problem+json. ' +
        'The raw check routes render their refusals through the edge (replyWithProblem).',
      severity: 'error',
      from: {
        path: '^apps/authorization-service/src/',
        pathNot: '^apps/authorization-service/src/(http/|checks/check-routes\\.ts$)',
      },
      to: { path: '^apps/authorization-service/src/http/problem(\\.filter)?\\.ts$' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'pg-only-in-sql-adapter',
      severity: 'error',
      from: { pathNot: '^libs/sql/' },
      to: { path: 'node_modules/(pg|pg-[a-z-]+|@electric-sql/pglite)/' },
    },
    {
      name: 'esdb-client-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: '^libs/event-store/src/esdb/' },
      to: { path: 'node_modules/@eventstore/' },
    },
    {
      name: 'kafkajs-only-in-its-adapter',
      severity: 'error',
      from: { pathNot: '^(libs/messaging/src/kafka/|examples/)' },
      to: { path: 'node_modules/kafkajs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.spec\\.ts$|\\.int-spec\\.ts$|\\.e2e-spec\\.ts$|/testing/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
