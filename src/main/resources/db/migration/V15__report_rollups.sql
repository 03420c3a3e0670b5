-- Report rollups (reports never read the raw play records). Portable SQL: HSQLDB 2.7 and PostgreSQL 15.
-- Written in the same transaction as the records and plan items they count; see evidence/report/RollupRules.

-- Coverage: people living in an area, households an endpoint serves (both optional).
ALTER TABLE area ADD COLUMN population BIGINT;
ALTER TABLE endpoint ADD COLUMN households BIGINT;

-- One row per ONCE entry per endpoint that the plan expects or a record names: the report status comes from
-- expected + reason + record_outcome (PLAYED if any record played it, else the latest record's outcome).
CREATE TABLE report_entry (
    endpoint_id BIGINT NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    expected BOOLEAN NOT NULL,
    campaign_id BIGINT NOT NULL,
    kind VARCHAR(8) NOT NULL,
    local_day DATE,
    start_ms BIGINT NOT NULL,
    reason VARCHAR(16),
    record_outcome VARCHAR(16),
    record_at BIGINT NOT NULL,
    record_seq BIGINT NOT NULL,
    PRIMARY KEY (endpoint_id, entry_id)
);
CREATE INDEX report_entry_day ON report_entry (local_day);

-- LOOP windows the plan put on an endpoint, cut at local midnight and shared between content kinds.
CREATE TABLE report_window (
    endpoint_id BIGINT NOT NULL,
    entry_id VARCHAR(64) NOT NULL,
    local_day DATE NOT NULL,
    kind VARCHAR(8) NOT NULL,
    window_start_ms BIGINT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    ms BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    reason VARCHAR(16),
    PRIMARY KEY (endpoint_id, entry_id, local_day, kind)
);
CREATE INDEX report_window_day ON report_window (local_day);

-- Counters per endpoint, campaign (0: outside any campaign), content kind and local date / month.
CREATE TABLE report_day (
    endpoint_id BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    kind VARCHAR(8) NOT NULL,
    local_day DATE NOT NULL,
    once_played BIGINT DEFAULT 0 NOT NULL,
    once_missed BIGINT DEFAULT 0 NOT NULL,
    once_interrupted BIGINT DEFAULT 0 NOT NULL,
    once_failed BIGINT DEFAULT 0 NOT NULL,
    once_unreported BIGINT DEFAULT 0 NOT NULL,
    once_not_delivered BIGINT DEFAULT 0 NOT NULL,
    once_offline BIGINT DEFAULT 0 NOT NULL,
    once_dropped BIGINT DEFAULT 0 NOT NULL,
    airtime_ms BIGINT DEFAULT 0 NOT NULL,
    records BIGINT DEFAULT 0 NOT NULL,
    played_records BIGINT DEFAULT 0 NOT NULL,
    loop_expected_ms BIGINT DEFAULT 0 NOT NULL,
    loop_not_delivered_ms BIGINT DEFAULT 0 NOT NULL,
    loop_played_ms BIGINT DEFAULT 0 NOT NULL,
    loop_item_plays BIGINT DEFAULT 0 NOT NULL,
    loop_missed BIGINT DEFAULT 0 NOT NULL,
    loop_interrupted BIGINT DEFAULT 0 NOT NULL,
    loop_failed BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (endpoint_id, campaign_id, kind, local_day)
);
CREATE INDEX report_day_day ON report_day (local_day);

CREATE TABLE report_month (
    endpoint_id BIGINT NOT NULL,
    campaign_id BIGINT NOT NULL,
    kind VARCHAR(8) NOT NULL,
    local_day DATE NOT NULL,
    once_played BIGINT DEFAULT 0 NOT NULL,
    once_missed BIGINT DEFAULT 0 NOT NULL,
    once_interrupted BIGINT DEFAULT 0 NOT NULL,
    once_failed BIGINT DEFAULT 0 NOT NULL,
    once_unreported BIGINT DEFAULT 0 NOT NULL,
    once_not_delivered BIGINT DEFAULT 0 NOT NULL,
    once_offline BIGINT DEFAULT 0 NOT NULL,
    once_dropped BIGINT DEFAULT 0 NOT NULL,
    airtime_ms BIGINT DEFAULT 0 NOT NULL,
    records BIGINT DEFAULT 0 NOT NULL,
    played_records BIGINT DEFAULT 0 NOT NULL,
    loop_expected_ms BIGINT DEFAULT 0 NOT NULL,
    loop_not_delivered_ms BIGINT DEFAULT 0 NOT NULL,
    loop_played_ms BIGINT DEFAULT 0 NOT NULL,
    loop_item_plays BIGINT DEFAULT 0 NOT NULL,
    loop_missed BIGINT DEFAULT 0 NOT NULL,
    loop_interrupted BIGINT DEFAULT 0 NOT NULL,
    loop_failed BIGINT DEFAULT 0 NOT NULL,
    PRIMARY KEY (endpoint_id, campaign_id, kind, local_day)
);
CREATE INDEX report_month_day ON report_month (local_day);

-- Per device: what the evidence status needs without reading the chain (signatures were checked on ingest).
CREATE TABLE report_device (
    device_id VARCHAR(32) NOT NULL PRIMARY KEY,
    endpoint_id BIGINT NOT NULL,
    records BIGINT NOT NULL,
    highest_seq BIGINT NOT NULL,
    broken_links BIGINT NOT NULL,
    conflicts BIGINT NOT NULL
);
