-- Mail (issue 16). Every mail is a row of `outbox`, written in the transaction of the change that
-- causes it, so a change and its mail are committed together or not at all. A worker (`serve
-- --smtp-url`) claims due rows for a while (`claimed_by`, `claimed_until`: a lease, so a crashed
-- instance's rows come back when it expires), sends them, and marks them sent; a failure counts an
-- attempt and sets the next one later (backoff). Without SMTP the rows stay, readable by admins.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    -- 1: a security mail (password reset, address confirmation), sent even to those who opted
    -- out, and without List-Unsubscribe.
    security INTEGER NOT NULL DEFAULT 0,
    to_address TEXT NOT NULL,
    to_name TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    -- The one-click unsubscribe link (List-Unsubscribe) and the BLAKE2b hash of its token, by
    -- which the link is looked up; both NULL for security mail.
    unsubscribe_url TEXT,
    unsubscribe_hash TEXT UNIQUE,
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    claimed_by TEXT,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- Kinds of mail an address asked not to receive any more (one-click unsubscribe, RFC 8058).
CREATE TABLE mail_opt_outs (
    address TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (address, kind)
);

-- Single-use links sent by mail (password reset, address confirmation): only the BLAKE2b hash of
-- the token is kept; `used_at` makes a second use fail.
CREATE TABLE account_links (
    token_hash TEXT PRIMARY KEY,
    purpose TEXT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX account_links_by_user ON account_links (user_id, purpose);
