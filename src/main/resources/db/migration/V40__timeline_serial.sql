-- The serial of the last timeline issued to each endpoint (contract: GET /agent/v1/timeline, "serial"),
-- with the hash of what it held: the same content keeps its serial, new content gets a higher one, and the
-- numbers never go back across restarts. Portable SQL: HSQLDB 2.7 and PostgreSQL 15.

CREATE TABLE timeline_issue (
    endpoint_id BIGINT PRIMARY KEY REFERENCES endpoint (id),
    serial BIGINT NOT NULL,
    content_sha256 VARCHAR(64) NOT NULL
);
