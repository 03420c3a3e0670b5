-- What a live session took the air from (issue 11 §3): planned broadcasts and loop/relay airtime, counted apart so
-- the completion rates can leave them out of their denominators. Portable SQL: HSQLDB 2.7 and PostgreSQL 15.
ALTER TABLE report_day ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_month ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_year ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_day ADD COLUMN loop_preempted_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_month ADD COLUMN loop_preempted_ms BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_year ADD COLUMN loop_preempted_ms BIGINT DEFAULT 0 NOT NULL;

-- The parts of report_window a live session the endpoint took held the air over, one row per session and part.
CREATE TABLE report_window_live (
    endpoint_id BIGINT NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    session_id BIGINT NOT NULL,
    local_day DATE NOT NULL,
    kind VARCHAR(8) NOT NULL,
    window_start_ms BIGINT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    ms BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    PRIMARY KEY (endpoint_id, entry_id, session_id, local_day, kind)
);
CREATE INDEX report_window_live_day ON report_window_live (local_day);
