/**
 * The end of `npm start`: where the service is, what it stores in, who to sign in as and how to
 * get a token. Never prints a credential: store URLs lose their password and secret parameters.
 */
import { redactUrl } from '../../../libs/platform/src/index.js';

export interface BannerFacts {
  readonly url: string;
  /** Whether something (the web console) answers at `/`. */
  readonly console: boolean;
  readonly eventStoreUrl: string;
  readonly readStoreUrl: string;
  /** The demo people when the demo call center is seeded, else null. */
  readonly demo: readonly { readonly employeeId: string; readonly role: string; readonly team: string | null }[] | null;
  /** How tokens are made here. */
  readonly tokens: 'dev-secret' | 'secret' | 'jwks';
  /** Where the embedded default keeps the key it generated to sign audit anchors (SPEC §12), when it did. */
  readonly auditKeyFile?: string | null;
}

const ROLE_NAMES: Readonly<Record<string, string>> = {
  manager: 'managers',
  executive: 'executives',
  supervisor: 'supervisors',
  agent: 'agents',
  tech_support: 'tech support',
  compliance: 'compliance',
};

/** The people by role, teams in brackets: `managers M01 M02 · supervisors S01 (A) S02 (B) · …`. */
function people(demo: NonNullable<BannerFacts['demo']>): string {
  const byRole = new Map<string, string[]>();
  for (const person of demo) {
    const label = person.team && person.role !== 'tech_support' ? `${person.employeeId} (${person.team})` : person.employeeId;
    byRole.set(person.role, [...(byRole.get(person.role) ?? []), label]);
  }
  return [...byRole].map(([role, ids]) => `${ROLE_NAMES[role] ?? role} ${ids.join(' ')}`).join(' · ');
}

/** The banner's lines, without colours (they go to a terminal as they are). */
export function startBanner(facts: BannerFacts): string[] {
  const store = redactUrl(facts.eventStoreUrl);
  const read = redactUrl(facts.readStoreUrl);
  const lines = ['', '  Call Center Authorization Service is ready', ''];
  if (facts.console) lines.push(`  console    ${facts.url}/`);
  lines.push(`  API docs   ${facts.url}/docs`);
  lines.push(`  store      ${store}${read === store ? '' : ` (read models: ${read})`}`);
  if (facts.demo) lines.push(`  people     ${people(facts.demo)}`);
  if (facts.auditKeyFile) lines.push(`  anchors    audit anchors signed with the key kept in ${facts.auditKeyFile} (public key: ${facts.url}/v1/audit/public-key)`);
  if (facts.tokens === 'dev-secret') {
    lines.push('  a token    npm run -s token -- E101        a service: npm run -s token -- svc:crm --scope checks:read');
  } else if (facts.tokens === 'secret') {
    lines.push('  a token    npm run -s token -- E101 (signed with AUTH_JWT_SECRET, in the same environment)');
  } else {
    lines.push('  a token    from the identity provider behind AUTH_JWKS_URL');
  }
  if (facts.demo && facts.tokens !== 'jwks') lines.push(`  try        curl -s ${facts.url}/v1/employees/E101 -H "authorization: Bearer $(npm run -s token -- E101)"`);
  lines.push('');
  return lines;
}
