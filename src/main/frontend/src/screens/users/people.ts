import { api, ApiFailure, type ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import type { Role } from '../../session/session';

/** A stored user: only the configured admin token's caller has no id, and it is never listed. */
export type User = components['schemas']['User'] & { id: number };
export type ApiToken = components['schemas']['ApiToken'];

export interface UserFilter {
  q: string;
  role: '' | Role;
  areaId: number | null;
  status: '' | 'active' | 'disabled';
}

export interface UserPage {
  users: User[];
  total: number;
}

function matches(u: User, f: UserFilter): boolean {
  const word = f.q.trim().toLowerCase();
  return (!word || u.displayName.toLowerCase().includes(word) || u.username.includes(word))
    && (!f.role || u.role === f.role) && (f.areaId == null || u.areaId === f.areaId)
    && (!f.status || (f.status === 'disabled') === (u.disabled === true));
}

/**
 * One page of the people the admin may manage. The list API pages and filters on the server
 * (limit/offset/q/field=value, X-Total-Count); an answer without that header is the whole list, paged here.
 */
export async function userPage(f: UserFilter, offset: number, limit: number): Promise<UserPage> {
  const query: Record<string, string | number> = { limit, offset, sort: 'displayName' };
  if (f.q.trim()) query.q = f.q.trim();
  if (f.role) query.role = f.role;
  if (f.areaId != null) query.areaId = f.areaId;
  if (f.status) query.disabled = String(f.status === 'disabled');
  const { data, error, response } = await api.GET('/api/v1/users', { params: { query: query as never } });
  if (!response.ok || !data) throw new ApiFailure(response.status, (error ?? {}) as ApiError);
  const listed = data as User[];
  const total = response.headers.get('X-Total-Count');
  if (total !== null) return { users: listed, total: Number(total) };
  const all = listed.filter((u) => matches(u, f)).sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi'));
  return { users: all.slice(offset, offset + limit), total: all.length };
}
