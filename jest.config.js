/** Three tiers by file suffix (STYLE.md §21). ESM TypeScript through @swc/jest. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'es6' },
  },
];
/**
 * Under jest on Node 20, a CommonJS dependency cannot require an ESM-only one (@fastify/static →
 * content-disposition); those few ESM files are compiled to CommonJS for the test runtime only.
 */
const ESM_ONLY_REQUIRED_FROM_CJS = ['content-disposition'];
const swcCjs = ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': swc,
    [`node_modules/(${ESM_ONLY_REQUIRED_FROM_CJS.join('|')})/.+\\.js$`]: swcCjs,
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY_REQUIRED_FROM_CJS.join('|')})/)`],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
};
export default {
  /**
   * Generous on purpose: on a loaded machine (load average 12–18 on 2 cores) starting an app and
   * seeding it takes well over 30 s. Every wait inside a test ends as soon as its condition holds,
   * so a quiet machine is not slowed; a slow one makes the suite slower, not red.
   */
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,test,examples}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,test,examples}/**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/{apps,libs,test,examples}/**/*.e2e-spec.ts'] },
    // The web console in Debian's chromium (playwright-core), against the all-in-one on PGlite (test/browser).
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
  ],
};
