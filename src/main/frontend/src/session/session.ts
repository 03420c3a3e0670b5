import { reactive, readonly } from 'vue';
import { ApiFailure, callJson } from '../api/client';
import { setCsrfToken, whenSignedOut } from './csrf';

export type Role = 'ADMIN' | 'EDITOR' | 'APPROVER' | 'OPERATOR' | 'VIEWER';
export const ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'APPROVER', 'OPERATOR', 'VIEWER'];

/** The signed-in person, as GET/POST /api/v1/session returns it (agreed with the people line). */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  areaId: number | null;
  areaName: string | null;
  language: string | null;
}

interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
}

const state = reactive({ user: null as SessionUser | null, checked: false });

export const session = readonly(state);

function accept(answer: SessionAnswer): SessionUser {
  state.user = answer.user;
  setCsrfToken(answer.csrfToken);
  return answer.user;
}

function forget(): void {
  state.user = null;
  setCsrfToken(null);
}

/** Asks the controller who we are (cookie session); null when nobody is signed in. */
export async function loadSession(): Promise<SessionUser | null> {
  try {
    return accept(await callJson<SessionAnswer>('GET', '/api/v1/session'));
  } catch (e) {
    if (e instanceof ApiFailure && (e.status === 401 || e.status === 404)) {
      forget();
      return null;
    }
    throw e;
  } finally {
    state.checked = true;
  }
}

export async function signIn(username: string, password: string): Promise<SessionUser> {
  return accept(await callJson<SessionAnswer>('POST', '/api/v1/session', { username, password }));
}

export async function signOut(): Promise<void> {
  try {
    await callJson<void>('DELETE', '/api/v1/session');
  } finally {
    forget();
  }
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await callJson<void>('POST', '/api/v1/session/password', { currentPassword, newPassword });
}

/** Called when any API call answers 401: the session expired or was ended elsewhere. */
export function onSessionLost(handler: () => void): void {
  whenSignedOut(() => {
    forget();
    handler();
  });
}
