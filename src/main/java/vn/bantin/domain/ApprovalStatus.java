package vn.bantin.domain;

/** Where an asset or a campaign stands: only APPROVED ones enter a timeline; ARCHIVED ones are kept, off the air. */
public enum ApprovalStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, ARCHIVED
}
