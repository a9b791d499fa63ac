-- A meeting's video link (issue 17: online or hybrid meetings), set or cleared by either side;
-- empty when it has none. Checked by domain::moment::video_url before it is stored.
ALTER TABLE meetings ADD COLUMN video_url TEXT NOT NULL DEFAULT '';
