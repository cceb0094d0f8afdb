import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import './app/index.css';
import './api/client';
import { AppProviders } from './app/providers';
import { router } from './app/router';
import { setUpI18n } from './lib/i18n';

await setUpI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
