/** An error reply of the Tally API, `{code, message, details}`, with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Builds an ApiError from a reply, whether or not its body is Tally's JSON. */
export async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; details?: Record<string, unknown> };
    return new ApiError(res.status, body.code ?? 'error', body.message ?? res.statusText, body.details);
  } catch {
    return new ApiError(res.status, 'error', text || res.statusText);
  }
}
