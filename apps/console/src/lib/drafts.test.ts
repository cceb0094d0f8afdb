import { renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDraft } from './drafts';
import { endSession, saveSession } from './session';

const signIn = (employeeId: string) => saveSession({ token: 'x.e30.y', employeeId, expiresAt: Date.now() + 60_000, method: 'demo' });

beforeEach(() => sessionStorage.clear());

describe('a form’s draft', () => {
  it('outlives the session that ended mid-form and comes back to the same person, once signed in again', () => {
    signIn('E101');
    renderHook(() => useDraft<{ reason: string }>('application')).result.current.save({ reason: '延遲配送' });
    endSession('/apply');
    signIn('E101');
    expect(renderHook(() => useDraft<{ reason: string }>('application')).result.current.initial).toEqual({ reason: '延遲配送' });
  });

  it('is never another person’s form in the same tab, and is gone once sent', () => {
    signIn('E101');
    const mine = renderHook(() => useDraft<{ reason: string }>('application')).result.current;
    mine.save({ reason: '延遲配送' });
    signIn('E102');
    expect(renderHook(() => useDraft<{ reason: string }>('application')).result.current.initial).toBeUndefined();
    mine.clear();
    signIn('E101');
    expect(renderHook(() => useDraft<{ reason: string }>('application')).result.current.initial).toBeUndefined();
  });
});
