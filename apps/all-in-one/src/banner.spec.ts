import { redactUrl } from '../../../libs/platform/src/index.js';
import { startBanner } from './banner.js';

describe('start banner', () => {
  it.each([
    ['postgres://authz:s3cret@db:5432/authz', 'postgres://authz:***@db:5432/authz'],
    ['postgresql://u:p%40ss@h/db?sslmode=require&password=x&sslpassword=y', 'postgresql://u:***@h/db?sslmode=require&password=***&sslpassword=***'],
    ['esdb://admin:changeit@es1:2113,es2:2113?tls=false', 'esdb://***@es1:2113,es2:2113?tls=false'],
    ['postgres://h/db', 'postgres://h/db'],
    ['pglite://./data/events', 'pglite://./data/events'],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('says where, which store (without its password), who and how to get a token', () => {
    const lines = startBanner({
      url: 'http://127.0.0.1:3000',
      console: true,
      eventStoreUrl: 'postgres://authz:s3cret@db/authz',
      readStoreUrl: 'postgres://authz:s3cret@db/authz',
      demo: [
        { employeeId: 'M01', role: 'manager', team: null },
        { employeeId: 'E101', role: 'agent', team: 'A' },
      ],
      tokens: 'dev-secret',
    }).join('\n');
    expect(lines).toContain('console    http://127.0.0.1:3000/');
    expect(lines).toContain('API docs   http://127.0.0.1:3000/docs');
    expect(lines).toContain('store      postgres://authz:***@db/authz\n');
    expect(lines).toContain('people     managers M01 · agents E101 (A)');
    expect(lines).toContain('npm run -s token -- E101');
    expect(lines).not.toContain('s3cret');
  });

  it('says where the embedded default keeps the key that signs the audit anchors, and nothing when it made none', () => {
    const facts = { url: 'http://127.0.0.1:3000', console: false, eventStoreUrl: 'pglite://./data/events', readStoreUrl: 'pglite://./data/events', demo: null, tokens: 'dev-secret' } as const;
    expect(startBanner({ ...facts, auditKeyFile: '/srv/app/data/audit-signing-key.pem' }).join('\n')).toContain(
      'anchors    audit anchors signed with the key kept in /srv/app/data/audit-signing-key.pem (public key: http://127.0.0.1:3000/v1/audit/public-key)',
    );
    expect(startBanner({ ...facts, auditKeyFile: null }).join('\n')).not.toContain('anchors');
  });
});
