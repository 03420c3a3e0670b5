-- Every ingested record paid one more index insert for this index, and it served one query only: the
-- classifier's "did the endpoint send a record of this ONCE entry". report_entry answers that by its primary
-- key (a ONCE record always leaves its entry's record_outcome there, in the same transaction), so the
-- classifier reads it there. Reads by endpoint keep play_record_endpoint_due (endpoint_id, scheduled_start).
DROP INDEX play_record_entry;
