-- Nonces of signed agent requests, kept while a request carrying them could still pass the clock check, so a
-- captured request is refused after a controller restart too (the in-memory cache starts empty). The key
-- makes the check atomic across controllers sharing the database. Portable SQL: HSQLDB 2.7 and PostgreSQL 15.

CREATE TABLE agent_nonce (
    device_id VARCHAR(64) NOT NULL,
    nonce VARCHAR(128) NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, nonce)
);

CREATE INDEX agent_nonce_expiry ON agent_nonce (expires_at);
