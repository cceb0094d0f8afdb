import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInConsole } from '../../test/render';
import { progressShare } from './api';
import { mayDecide } from './AccessReviewPage';
import { ItemDecision } from './ItemDecision';

describe('deciding an access-review item', () => {
  it('refuses to revoke without a note, saying so beside the field, and sends nothing', async () => {
    const onDecide = vi.fn();
    await renderInConsole(<ItemDecision authorizationId="a1" label="黃小玲 · 費用減免" pending={false} onDecide={onDecide} />);
    fireEvent.click(screen.getByRole('button', { name: '撤銷 黃小玲 · 費用減免' }));
    expect(await screen.findByText('撤銷時必須填寫說明')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '黃小玲 · 費用減免 的說明' }).getAttribute('aria-invalid')).toBe('true');
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('revokes with the note, and keeps without one', async () => {
    const onDecide = vi.fn();
    await renderInConsole(<ItemDecision authorizationId="a1" label="E101 · fee" pending={false} onDecide={onDecide} />, 'en');
    fireEvent.click(screen.getByRole('button', { name: 'Keep E101 · fee' }));
    expect(onDecide).toHaveBeenLastCalledWith({ decision: 'keep', note: '' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Note on E101 · fee' }), { target: { value: '  moved to billing  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Revoke E101 · fee' }));
    expect(onDecide).toHaveBeenLastCalledWith({ decision: 'revoke', note: 'moved to billing' });
  });
});

describe('who decides and how far it is', () => {
  const item = { authorizationId: 'a1', employeeId: 'E101', matter: 'fee.waive', reviewerId: 'S01', outcome: null } as const;
  const open = { status: 'open', overdue: false } as const;

  it('lets the item’s reviewer decide while the campaign is open, not anyone else, not once closed or due', () => {
    expect(mayDecide(open, item, { employeeId: 'S01', role: 'supervisor' })).toBe(true);
    expect(mayDecide(open, item, { employeeId: 'S02', role: 'supervisor' })).toBe(false);
    expect(mayDecide(open, item, { employeeId: 'M01', role: 'manager' })).toBe(false);
    expect(mayDecide({ status: 'closed', overdue: false }, item, { employeeId: 'S01', role: 'supervisor' })).toBe(false);
    expect(mayDecide({ status: 'open', overdue: true }, item, { employeeId: 'S01', role: 'supervisor' })).toBe(false);
    expect(mayDecide(open, { ...item, outcome: 'kept' }, { employeeId: 'S01', role: 'supervisor' })).toBe(false);
  });

  it('lets any manager decide for a grantee without a superior, but never the grantee', () => {
    const orphan = { ...item, employeeId: 'S01', reviewerId: null };
    expect(mayDecide(open, orphan, { employeeId: 'M02', role: 'manager' })).toBe(true);
    expect(mayDecide(open, orphan, { employeeId: 'S02', role: 'supervisor' })).toBe(false);
    expect(mayDecide(open, { ...orphan, employeeId: 'M02' }, { employeeId: 'M02', role: 'manager' })).toBe(false);
  });

  it('counts decided and defaulted items against all of them', () => {
    expect(progressShare({ kept: 1, revoked: 1, defaulted: 0, undecided: 2 })).toEqual({ decided: 2, total: 4, percent: 50 });
    expect(progressShare({ kept: 0, revoked: 0, defaulted: 1, undecided: 2 })).toEqual({ decided: 1, total: 3, percent: 33 });
    expect(progressShare({ kept: 0, revoked: 0, defaulted: 0, undecided: 0 })).toEqual({ decided: 0, total: 0, percent: 100 });
  });
});
