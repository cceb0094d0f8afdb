import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInConsole } from '../test/render';
import { StatusTag } from './StatusTag';

describe('StatusTag', () => {
  it('names a status in Traditional Chinese', async () => {
    await renderInConsole(<StatusTag status="pending_final_approval" />, 'zh-Hant');
    expect(screen.getByText('待最終審批')).toBeTruthy();
  });

  it('names it in English after the switch', async () => {
    await renderInConsole(<StatusTag status="revoked" />, 'en');
    expect(screen.getByText('Revoked')).toBeTruthy();
  });

  it('shows a status it does not know as the API wrote it', async () => {
    await renderInConsole(<StatusTag status="frozen" />, 'en');
    expect(screen.getByText('frozen')).toBeTruthy();
  });
});
