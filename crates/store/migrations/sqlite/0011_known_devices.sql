-- Browsers that have signed in to an account (the `cb_device` cookie; only its BLAKE2b hash is
-- kept). A sign-in from one of them counts its failures on that device, not on the account, so
-- failures from elsewhere cannot lock the owner out. The app keeps the ten most recent per account.
CREATE TABLE known_devices (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL
);

CREATE INDEX known_devices_by_user ON known_devices (user_id, last_used_at);
