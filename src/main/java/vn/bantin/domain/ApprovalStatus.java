package vn.bantin.domain;

/** Where an asset or a campaign stands: only APPROVED ones enter a timeline. */
public enum ApprovalStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED
}
