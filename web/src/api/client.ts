/**
 * The dashboard's only way to the server: same-origin fetch under /api/v1 with the session cookie,
 * the CSRF token on every write, and errors as `ApiError` carrying the server's stable code.
 *
 * @example
 * const page = await api.get<{ items: MessageSummary[] }>("/messages", { emotion: "anger", limit: 50 });
 * await api.post("/keys", { name: "shop", role: "agent" });
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
    this.name = "ApiError";
  }
}

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

let csrfToken: string | null = null;

/** Remembers the CSRF token the server handed out at sign-in (or with GET /session). */
export function setCsrf(token: string | null): void {
  csrfToken = token;
}

/** Builds `?a=1&b=x,y` from a query object, leaving out empty values. */
export function queryString(q: Query = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === "") continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(","));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}

async function call<T>(method: string, path: string, body?: unknown, q?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(`/api/v1${path}${queryString(q)}`, {
    method,
    headers,
    credentials: "same-origin",
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "internal");
  return data as T;
}

/** GET, POST, PATCH, PUT and DELETE under /api/v1. @example await api.del(`/keys/${id}`); */
export const api = {
  get: <T>(path: string, q?: Query) => call<T>("GET", path, undefined, q),
  post: <T>(path: string, body: unknown = {}) => call<T>("POST", path, body),
  patch: <T>(path: string, body: unknown = {}) => call<T>("PATCH", path, body),
  put: <T>(path: string, body: unknown = {}) => call<T>("PUT", path, body),
  del: <T>(path: string) => call<T>("DELETE", path),
};
