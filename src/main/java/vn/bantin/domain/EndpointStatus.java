package vn.bantin.domain;

/** PENDING: enrolled, waiting for approval. UNENROLLED: created by staff, no device key yet. */
public enum EndpointStatus { UNENROLLED, PENDING, ACTIVE, REVOKED }
