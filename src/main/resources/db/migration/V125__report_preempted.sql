-- Planned broadcasts a live session took the air from (issue 11 §3): counted apart, so the completion rate can
-- leave them out of its denominator. Portable SQL: HSQLDB 2.7 and PostgreSQL 15.
ALTER TABLE report_day ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_month ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE report_year ADD COLUMN once_preempted BIGINT DEFAULT 0 NOT NULL;
