/**
 * A rollup plan was built from a meter set that changed before the insert
 * ran; nothing was written. The service rebuilds the plan and tries again.
 */
export class StalePlanError extends Error {
  constructor(readonly expected: number, readonly actual: number) {
    super(`rollup plan is for meter-set version ${expected}, the store is at ${actual}`);
    this.name = 'StalePlanError';
  }
}
