import type { Role } from '../session/session';

/** What the server's permissions allow each role (access.Permission); the UI only hides, the server decides. */
export const MAKES_CONTENT: readonly Role[] = ['ADMIN', 'EDITOR', 'OPERATOR'];
export const APPROVES: readonly Role[] = ['ADMIN', 'APPROVER'];

export const mayMakeContent = (role: Role | undefined) => role !== undefined && MAKES_CONTENT.includes(role);
export const mayApprove = (role: Role | undefined) => role !== undefined && APPROVES.includes(role);
