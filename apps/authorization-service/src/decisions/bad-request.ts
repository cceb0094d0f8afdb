import { InvalidCursorError, InvalidFilterError, InvalidLimitError } from '../../../../libs/read-models/src/postgres/cursor.js';
import { InvalidPeriodError } from '../../../../libs/read-models/src/kpis/index.js';
import { InvalidRequestError } from '../shared/application-errors.js';

/** The read side's input errors are the caller's mistakes: 400 with their stable code. */
export const badRequestFrom = async <T>(run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error: unknown) {
    if (error instanceof InvalidCursorError || error instanceof InvalidLimitError || error instanceof InvalidFilterError || error instanceof InvalidPeriodError) {
      throw new InvalidRequestError(error.code, error.message);
    }
    throw error;
  }
};
