import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, renderInConsole } from '../../test/render';
import { SignInPage } from './SignInPage';

afterEach(() => vi.unstubAllGlobals());

describe('SignInPage', () => {
  it('lists the demo people the API offers, each with a sign-in button named after them', async () => {
    vi.stubGlobal('fetch', fakeApi({ '/auth/config': { demo: true, oidc: null }, '/auth/demo': { items: [{ id: 'E101', name: '黃小玲 Huang Hsiao-ling', role: 'agent' }, { id: 'C01', name: '許雅婷 Hsu Ya-ting', role: 'compliance' }] } }));
    await renderInConsole(<SignInPage />, 'zh-Hant', '/signin');
    expect(await screen.findByRole('button', { name: '以 黃小玲 Huang Hsiao-ling (E101) 登入' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '以 許雅婷 Hsu Ya-ting (C01) 登入' })).toBeTruthy();
    expect(screen.getByText('客服代表')).toBeTruthy();
  });

  it('offers single sign-on and no demo people when the API has no dev secret', async () => {
    vi.stubGlobal('fetch', fakeApi({ '/auth/config': { demo: false, oidc: { issuer: 'https://id.example', clientId: 'console' } } }));
    await renderInConsole(<SignInPage />, 'en', '/signin');
    expect(await screen.findByRole('button', { name: 'Sign in with your company account' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Demo people')).toBeNull());
  });
});
