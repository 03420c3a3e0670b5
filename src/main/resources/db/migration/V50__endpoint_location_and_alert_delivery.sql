-- Web UI: where endpoints stand (for the map), and how far each alert got on each endpoint it targets.
-- Portable SQL: HSQLDB 2.7 and PostgreSQL 15.

-- WGS 84 degrees; both null when nobody has placed the endpoint yet.
ALTER TABLE endpoint ADD COLUMN latitude DOUBLE PRECISION;
ALTER TABLE endpoint ADD COLUMN longitude DOUBLE PRECISION;

-- One row per alert and targeted endpoint: SENT (pushed), DELIVERED (fetched a timeline holding it), STARTED
-- (reported playing it). Kept so the operator's view of an alert survives a controller restart; the evidence
-- of what aired stays in the play records. Names are as they were when the alert went out.
CREATE TABLE alert_delivery (
    alert_id BIGINT NOT NULL REFERENCES alert (id),
    endpoint_id BIGINT NOT NULL,
    endpoint_name VARCHAR(200) NOT NULL,
    area_id BIGINT,
    state VARCHAR(16) NOT NULL,
    delivered_at BIGINT,
    started_at BIGINT,
    PRIMARY KEY (alert_id, endpoint_id)
);
