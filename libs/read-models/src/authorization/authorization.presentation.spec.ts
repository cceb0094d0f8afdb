import { catalogue } from '../../../domain/src/testing/default-catalogue.js';
import { matterNamesOf, presentAuthorization } from './authorization.presentation.js';

describe('an authorization as views show it', () => {
  const terms = (maxAmount?: number) => ({ matter: 'compensation.issue', scope: maxAmount === undefined ? { channels: ['phone' as const] } : { maxAmount, channels: ['phone' as const] }, validFrom: 'a', validUntil: 'b' });

  it('carries the matter names in both languages and the currency of its amounts, the pending change’s too', () => {
    const view = presentAuthorization(catalogue, { matter: 'compensation.issue', terms: terms(800), pendingChange: { terms: terms(500) } });
    expect(view.matterNames).toEqual({ 'zh-Hant': '發放客戶補償', en: 'Issue goodwill compensation' });
    expect(view.terms.scope).toEqual({ maxAmount: 800, channels: ['phone'], currency: 'CNY' });
    expect(view.pendingChange?.terms.scope).toEqual({ maxAmount: 500, channels: ['phone'], currency: 'CNY' });
  });

  it('leaves the input untouched (events and rows keep the request shape)', () => {
    const row = { matter: 'compensation.issue', terms: terms(800), pendingChange: null };
    presentAuthorization(catalogue, row);
    expect(row.terms.scope).toEqual({ maxAmount: 800, channels: ['phone'] });
  });

  it('names an unknown matter by its id', () => {
    expect(matterNamesOf(catalogue, 'gone.matter')).toEqual({ 'zh-Hant': 'gone.matter', en: 'gone.matter' });
  });
});
