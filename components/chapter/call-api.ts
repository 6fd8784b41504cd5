/**
 * A JSON call from the browser to the app's API that never throws: the parsed body, or the
 * error code and field errors the server answered with (see lib/errors.ts), or `internal:network`
 * when the server could not be reached.
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; code: string; fields: Record<string, string> };

export async function callApi<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    cache: "no-store",
  }).catch(() => null);
  if (!response) return { ok: false, status: 0, code: "internal:network", fields: {} };
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.ok) return { ok: true, status: response.status, data: body as T };
  const error = (body ?? {}) as { error?: unknown; fields?: unknown };
  return {
    ok: false,
    status: response.status,
    code: typeof error.error === "string" ? error.error : "internal:server",
    fields:
      error.fields && typeof error.fields === "object"
        ? (error.fields as Record<string, string>)
        : {},
  };
}
