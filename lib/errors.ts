/**
 * One error type for the whole app. Codes read "<kind>:<subject>", e.g. "forbidden:concept".
 * The mapping to HTTP status and to a user-facing message key lives here and nowhere else.
 */
export type ErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "internal";

export type ErrorCode = `${ErrorKind}:${string}`;

const STATUS: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
};

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  /** For bad_request: which input field is wrong, and why (message keys). */
  readonly fields?: Record<string, string>;
  /** Facts a client needs to recover, e.g. the current revision after a conflict. */
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    options?: {
      cause?: unknown;
      fields?: Record<string, string>;
      details?: Record<string, unknown>;
    },
  ) {
    super(code, { cause: options?.cause });
    this.code = code;
    this.fields = options?.fields;
    this.details = options?.details;
  }

  get kind(): ErrorKind {
    return this.code.split(":")[0] as ErrorKind;
  }

  get status(): number {
    return STATUS[this.kind];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** The JSON body and status for an API response; unknown errors become an opaque 500. */
export function toErrorResponse(error: unknown): { status: number; body: Record<string, unknown> } {
  if (isAppError(error)) {
    return {
      status: error.status,
      body: {
        error: error.code,
        ...(error.fields ? { fields: error.fields } : {}),
        ...error.details,
      },
    };
  }
  return { status: 500, body: { error: "internal:server" } };
}
