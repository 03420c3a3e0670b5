import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { csrfToken, onSignedOut } from '../session/csrf';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Cookie-authenticated unsafe requests carry the session's CSRF token; a 401 means the session ended. */
const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (token && UNSAFE.has(request.method)) {
      request.headers.set('X-CSRF-Token', token);
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !request.url.endsWith('/api/v1/session')) {
      onSignedOut();
    }
    return response;
  },
};

/** The management API, typed from the controller's OpenAPI document (generated at build time). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionMiddleware);

/**
 * List APIs answer 100 items unless asked for more (at most 1000): screens that need the whole list (areas of a
 * province, today's campaigns) ask for all of it; alerts newest first, as far back as anyone looks on screen.
 */
export const WHOLE_LIST = { limit: 1000 } as const;
export const RECENT_ALERTS = { sort: '-id', limit: 200 } as const;

/** The error body every API refusal carries. */
export interface ApiError {
  code?: string;
  error?: string;
}

/** Unwraps an openapi-fetch result: the data, or throws an ApiFailure with the server's message. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined && response.status !== 204) {
    throw new ApiFailure(response.status, (error ?? {}) as ApiError);
  }
  return data as T;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly body: ApiError) {
    super(body.error ?? `HTTP ${status}`);
  }
}

/** A plain JSON call for paths not (yet) in the OpenAPI document, with the same CSRF and 401 handling. */
export async function callJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = csrfToken();
  if (token && UNSAFE.has(method)) headers['X-CSRF-Token'] = token;
  const response = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401 && path !== '/api/v1/session') onSignedOut();
    throw new ApiFailure(response.status, (parsed ?? {}) as ApiError);
  }
  return parsed as T;
}
