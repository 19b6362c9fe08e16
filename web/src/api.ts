// Calls to the Vigie HTTP API. Every request states the UI language so that
// server messages come back in it. Clinical inputs are sent in POST bodies only.
import { lang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(public readonly code: string, message: string, public readonly status = 0) {
    super(message);
  }
}

// The API token the user signed in with (kept for this browser tab only).
export function token(): string {
  return sessionStorage.getItem('vigie.token') ?? '';
}

export function setToken(value: string): void {
  if (value) sessionStorage.setItem('vigie.token', value);
  else sessionStorage.removeItem('vigie.token');
}

function headers(): Record<string, string> {
  const h: Record<string, string> = { 'Accept-Language': lang(), 'Content-Type': 'application/json' };
  if (token()) h.Authorization = `Bearer ${token()}`;
  return h;
}

async function call(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<any> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: headers(),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('network', t('network'));
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const err = data.error ?? {};
    // A route this server does not have: the module is not installed (yet).
    if (err.code === 'route_not_found') throw new ApiError('unavailable', t('unavailable'), res.status);
    throw new ApiError(err.code ?? String(res.status), err.message ?? String(res.status), res.status);
  }
  return data;
}

export const get = (path: string, signal?: AbortSignal) => call('GET', path, undefined, signal);
export const post = (path: string, body: unknown, signal?: AbortSignal) =>
  call('POST', path, body, signal);
