import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { renderInConsole } from '../test/render';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it("shows the server's own words and the code, as an alert", async () => {
    const problem = new ApiProblem(422, { title: '無法處理', detail: '有效期間超過 180 天', code: 'VALIDITY_TOO_LONG' });
    await renderInConsole(<ProblemAlert error={problem} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('無法處理');
    expect(alert.textContent).toContain('有效期間超過 180 天 (VALIDITY_TOO_LONG)');
  });

  it('shows nothing without an error', async () => {
    await renderInConsole(<ProblemAlert error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts a refusal without per-field errors beside the field its code is about', () => {
    expect(new ApiProblem(422, { detail: 'too long', code: 'VALIDITY_TOO_LONG' }).fieldErrors()).toEqual({ validUntil: 'too long' });
    expect(new ApiProblem(400, { detail: 'invalid', code: 'VALIDATION_FAILED', errors: { reason: ['reason should not be empty'] } }).fieldErrors()).toEqual({ reason: 'reason should not be empty' });
  });
});
