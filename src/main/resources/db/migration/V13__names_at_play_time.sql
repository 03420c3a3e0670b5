-- Records keep their names: what the campaign, asset, endpoint and area were called when it played
-- (from the planned entry, else as they were at ingest). Records stored before this have none (NULL):
-- their names at play time are unknown, and nothing rewrites a stored record to guess them.
ALTER TABLE play_record ADD COLUMN campaign_name VARCHAR(1000);
ALTER TABLE play_record ADD COLUMN asset_name VARCHAR(255);
ALTER TABLE play_record ADD COLUMN endpoint_name VARCHAR(200);
ALTER TABLE play_record ADD COLUMN area_id BIGINT;
ALTER TABLE play_record ADD COLUMN area_name VARCHAR(200);
ALTER TABLE play_record ADD COLUMN topic VARCHAR(200);

-- Every device key that ever signed evidence, kept when its endpoint is deleted or re-keyed: the records
-- stay verifiable by anyone. Insert-only.
CREATE TABLE device_key (
    device_id VARCHAR(32) PRIMARY KEY,
    public_key VARCHAR(64) NOT NULL,
    endpoint_id BIGINT,
    first_seen_at BIGINT NOT NULL
);
INSERT INTO device_key (device_id, public_key, endpoint_id, first_seen_at)
SELECT device_id, public_key, id, created_at FROM endpoint WHERE device_id IS NOT NULL AND public_key IS NOT NULL;
