-- Every piece of content, campaign, alert and resumable upload belongs to the area of whoever made it:
-- people see and touch only what belongs to their own subtree. NULL: made before owners existed (full-scope
-- people only).
ALTER TABLE asset ADD COLUMN area_id BIGINT REFERENCES area (id);
ALTER TABLE campaign ADD COLUMN area_id BIGINT REFERENCES area (id);
ALTER TABLE alert ADD COLUMN area_id BIGINT REFERENCES area (id);
ALTER TABLE upload_session ADD COLUMN area_id BIGINT REFERENCES area (id);
