/**
 * Passed to `onError` when a wrapped call succeeded but left no usage to
 * record (a stream closed before its usage arrived, a response without a
 * `usage` block): the call may have been billed by the provider, so this is
 * surfaced rather than dropped silently.
 */
export class UsageNotReportedError extends Error {
  override readonly name = 'UsageNotReportedError';
  constructor(
    message: string,
    readonly customerId: string,
  ) {
    super(message);
  }
}
