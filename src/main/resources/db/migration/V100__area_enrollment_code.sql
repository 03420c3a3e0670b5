-- Area enrollment codes: an installer enrolls a device with a code made for an area (by an ADMIN or that area's
-- OPERATOR); the pending request then belongs to that area, so the commune's operator sees and approves only
-- their own devices. Codes expire and have a limited number of uses; kept only as SHA-256. Portable SQL.

CREATE TABLE enrollment_area_code (
    code_hash VARCHAR(64) PRIMARY KEY,
    area_id BIGINT NOT NULL REFERENCES area (id),
    expires_at BIGINT NOT NULL,
    max_uses INTEGER NOT NULL,
    uses INTEGER DEFAULT 0 NOT NULL,
    created_by VARCHAR(200) NOT NULL,
    created_at BIGINT NOT NULL
);
