import { StoreUnavailableError } from '../../errors/domain-error.js';

// Errors that say the database cannot serve now, not that the request is wrong.
const TRANSIENT = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN']);

/** Runs a driver call, turning transient SQLite failures into StoreUnavailableError. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (TRANSIENT.has(code) || code.startsWith('SQLITE_IOERR')) {
      throw new StoreUnavailableError(`the database is unavailable (${code})`, err);
    }
    if ((err as Error).message === 'The database connection is not open') {
      throw new StoreUnavailableError('the database is closed', err);
    }
    throw err;
  }
}
