-- The interface language an account chose (en, fr or de). An account without a row lets its
-- browser decide (the switcher's cookie, else Accept-Language).
CREATE TABLE user_languages (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    language TEXT NOT NULL CHECK (language IN ('en', 'fr', 'de'))
);
