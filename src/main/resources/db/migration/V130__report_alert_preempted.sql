-- What EMERGENCY alerts took the air from (issue 11): the stretches of LOOP and relay windows an alert the endpoint
-- played held the air over, counted apart from what live sessions took (loop_preempted_ms), so the report can say
-- "nhường cho bản tin khẩn cấp" and the loop completion can leave it out of its denominator.
-- Windows an alert cut before this migration keep their counts as they were (no yield counted).
-- Portable SQL: HSQLDB 2.7 and PostgreSQL 15.
ALTER TABLE report_day ADD COLUMN loop_alert_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_month ADD COLUMN loop_alert_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_year ADD COLUMN loop_alert_ms BIGINT DEFAULT 0 NOT NULL;

-- The parts of report_window an alert held the air over on the endpoint, one row per alert and part.
CREATE TABLE report_window_alert (
    endpoint_id BIGINT NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    alert_id BIGINT NOT NULL,
    local_day DATE NOT NULL,
    kind VARCHAR(8) NOT NULL,
    window_start_ms BIGINT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    ms BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    PRIMARY KEY (endpoint_id, entry_id, alert_id, local_day, kind)
);
CREATE INDEX report_window_alert_day ON report_window_alert (local_day);

-- Which alerts reached an endpoint, looked up when its records show it played one.
CREATE INDEX alert_delivery_endpoint ON alert_delivery (endpoint_id);
