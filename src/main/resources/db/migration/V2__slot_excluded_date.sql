-- Local dates on which a slot never starts (public holidays), in the endpoint's zone.
CREATE TABLE slot_excluded_date (
    slot_id BIGINT NOT NULL REFERENCES campaign_slot (id),
    local_date DATE NOT NULL,
    PRIMARY KEY (slot_id, local_date)
);
