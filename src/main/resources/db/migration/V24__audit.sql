-- The audit trail (issue 8): every change and every sensitive read, with who, when, what (before and
-- after), and from where. Append-only and hash-chained like play records: each record's hash covers the
-- previous record's hash, so removing or altering one breaks every later link.
CREATE TABLE audit_record (
    seq BIGINT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    actor_key VARCHAR(64) NOT NULL,
    actor_name VARCHAR(200) NOT NULL,
    actor_role VARCHAR(16),
    area_id BIGINT,
    address VARCHAR(64),
    action VARCHAR(200) NOT NULL,
    object_key VARCHAR(200),
    outcome INTEGER NOT NULL,
    before_json VARCHAR(16000),
    after_json VARCHAR(16000),
    prev_hash VARCHAR(64) NOT NULL,
    record_hash VARCHAR(64) NOT NULL
);
CREATE INDEX audit_record_object ON audit_record (object_key, seq);
CREATE INDEX audit_record_at ON audit_record (at_ms);
