-- Cluster fit reads each cluster's keyword stems from here: data of the initiative, not code
-- (the demo loader writes the demo's). A cluster without keywords fits by the words of its name,
-- sector and description.
CREATE TABLE cluster_keywords (
    cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    keyword TEXT NOT NULL,
    PRIMARY KEY (cluster_id, keyword)
);

-- The matchmaking index holds the clusters it names in suggestions and filters on, so a change
-- to a cluster moves the directory version too (see 0002).
CREATE TRIGGER clusters_ins AFTER INSERT ON clusters BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER clusters_upd AFTER UPDATE ON clusters BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER clusters_del AFTER DELETE ON clusters BEGIN UPDATE directory_version SET version = version + 1; END;
