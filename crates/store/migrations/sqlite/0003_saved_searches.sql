-- Saved find-partners searches. `seen` lists the matches the owner has already seen, as
-- "organisation id:updated_at" separated by ';'; a match not in it is new or changed.
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    q TEXT NOT NULL,
    cluster TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',
    sme TEXT NOT NULL DEFAULT '',
    seen TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches(user_id);
