import { callJson } from '../api/client';

export type ApprovalStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'ARCHIVED';

export interface ApprovalStep {
  step: string;
  status: ApprovalStatus;
  /** The login (or token name) that took the step; byName is the name people know them by. */
  by: string | null;
  byName: string | null;
  at: number;
  reason: string | null;
}

export interface Approval {
  status: ApprovalStatus;
  history: ApprovalStep[];
}

/** Assets and campaigns share the approval lifecycle (DRAFT → SUBMITTED → APPROVED / REJECTED). */
export type ApprovalKind = 'assets' | 'campaigns';
export type ApprovalAction = 'submit' | 'approve' | 'reject' | 'unapprove' | 'archive';

/** One step of the lifecycle; answers the item with its new approval. */
export function approvalStep<T>(kind: ApprovalKind, id: number, action: ApprovalAction, reason?: string): Promise<T> {
  return callJson<T>('POST', `/api/v1/${kind}/${id}/${action}`, action === 'reject' ? { reason } : {});
}

/** The last submission: who sent it for approval and when. */
export function lastSubmission(approval: Approval | undefined): ApprovalStep | undefined {
  return [...(approval?.history ?? [])].reverse().find((s) => s.step === 'SUBMITTED');
}

/** The reason of the last rejection, if the item stands rejected. */
export function rejection(approval: Approval | undefined): string | null {
  if (approval?.status !== 'REJECTED') return null;
  return [...approval.history].reverse().find((s) => s.status === 'REJECTED')?.reason ?? null;
}

export const STATUS_BADGE: Record<ApprovalStatus, string> = {
  DRAFT: '', SUBMITTED: 'info', APPROVED: 'ok', REJECTED: 'bad', ARCHIVED: 'warn',
};
