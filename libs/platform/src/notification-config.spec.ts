import { ConfigError } from './config.js';
import { loadConfig } from './load-config.js';

const SECRET = `whsec_${Buffer.from('thirty-two bytes of webhook secret').toString('base64')}`;

describe('notification configuration (SPEC §12)', () => {
  it('has no channel, the default sender and 72 hours when nothing is set', () => {
    expect(loadConfig({}).notifications).toEqual({ smtpUrl: null, mailFrom: 'Call Center Authorization <authz@callcenter.invalid>', webhookUrl: null, webhookSecret: null, maxAgeHours: 72 });
  });

  it('reads both channels and the age bound', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'A <a@b.example>', WEBHOOK_URL: 'https://hooks.example/in', WEBHOOK_SECRET: SECRET, NOTIFY_MAX_AGE_HOURS: '24' });
    expect(config.notifications).toEqual({ smtpUrl: 'smtps://u:p@mail.example:465', mailFrom: 'A <a@b.example>', webhookUrl: 'https://hooks.example/in', webhookSecret: SECRET, maxAgeHours: 24 });
  });

  it.each([
    [{ SMTP_URL: 'http://u:s3cret@mail.example' }, 'SMTP_URL'],
    [{ WEBHOOK_URL: 'https://hooks.example/in' }, 'WEBHOOK_SECRET'],
    [{ WEBHOOK_URL: 'https://hooks.example/in', WEBHOOK_SECRET: 's3cret-not-whsec' }, 'WEBHOOK_SECRET'],
    [{ WEBHOOK_URL: 'ftp://hooks.example', WEBHOOK_SECRET: SECRET }, 'WEBHOOK_URL'],
    [{ NOTIFY_MAX_AGE_HOURS: '0' }, 'NOTIFY_MAX_AGE_HOURS'],
  ])('refuses %j naming %s, never printing a secret', (env, variable) => {
    let message = '';
    try {
      loadConfig(env);
    } catch (error: unknown) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${variable}:`));
    expect(message).not.toContain('s3cret');
  });
});
