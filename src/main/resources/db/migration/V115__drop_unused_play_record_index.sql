-- No query reads play records by actual start (reports and pages go by endpoint and scheduled start, by device and
-- seq, or by arrival), so this index only cost every ingested record one more index insert.
DROP INDEX play_record_start;
