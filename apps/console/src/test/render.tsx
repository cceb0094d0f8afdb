import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router-dom';
import '../api/client';
import { AppProviders, newQueryClient } from '../app/providers';
import { setUpI18n, switchLanguage } from '../lib/i18n';
import type { Language } from '../lib/language';

/** Renders a component as the console does: i18n in `language`, Ant Design's locale, the data layer, a router. */
export async function renderInConsole(element: ReactElement, language: Language = 'zh-Hant', path = '/') {
  await setUpI18n(language);
  await switchLanguage(language);
  return render(
    <AppProviders client={newQueryClient()}>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </AppProviders>,
  );
}

/** A fetch that answers JSON by path, as the API would; anything else is a 404 problem. */
export function fakeApi(routes: Record<string, unknown>): typeof fetch {
  return async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), 'http://console.test');
    const body = routes[`${url.pathname}`];
    if (body === undefined) return new Response(JSON.stringify({ status: 404, code: 'NOT_FOUND', detail: `${url.pathname} does not exist` }), { status: 404, headers: { 'content-type': 'application/problem+json' } });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}
