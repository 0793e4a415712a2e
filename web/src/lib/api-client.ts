/**
 * The one way the SPA calls the Relais API: base URL from config.json, the ID token as bearer,
 * JSON in and out, RFC 9457 problems turned into `ApiError`. A 401 (or an expired session)
 * sends the user to sign in again and back to the page they were on.
 */
import type { Problem } from '#schemas/common.ts';
import { beginSignIn, readSession } from './auth.ts';
import { getConfig } from './config.ts';

/** A failed call: the HTTP status (0 when the API could not be reached) and its problem body. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem?: Problem, message?: string) {
    super(message ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export type ApiRequest = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query parameters; undefined and empty values are left out. */
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Builds `{apiUrl}{path}?{query}`, leaving out empty parameters. */
export const apiUrl = (base: string, path: string, query: ApiRequest['query'] = {}): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
};

const readProblem = async (response: Response): Promise<Problem | undefined> => {
  try {
    const body = (await response.json()) as Partial<Problem>;
    return typeof body?.title === 'string' ? (body as Problem) : undefined;
  } catch {
    return undefined;
  }
};

/** A promise that never settles: the page is leaving for the sign-in page. */
const leaving = <T>(): Promise<T> => new Promise<T>(() => {});

/**
 * Calls the API and answers the parsed JSON body (undefined for 204). Throws `ApiError` on a
 * non-2xx answer or when the API cannot be reached.
 */
export const apiRequest = async <T>(path: string, request: ApiRequest = {}): Promise<T> => {
  const session = readSession();
  if (!session) {
    await beginSignIn();
    return leaving<T>();
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(getConfig().apiUrl, path, request.query), {
      method: request.method ?? 'GET',
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${session.idToken}`,
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      body: request.body === undefined ? null : JSON.stringify(request.body),
      signal: request.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, undefined, 'network error');
  }
  if (response.status === 401) {
    await beginSignIn();
    return leaving<T>();
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
};
