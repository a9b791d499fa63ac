-- Cluster fit reads each cluster's keyword stems from here: data of the initiative, not code
-- (the demo loader writes the demo's). A cluster without keywords fits by the words of its name,
-- sector and description.
CREATE TABLE cluster_keywords (
    cluster_id BIGINT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
    keyword TEXT NOT NULL,
    PRIMARY KEY (cluster_id, keyword)
);

-- The matchmaking index holds the clusters it names in suggestions and filters on, so a change
-- to a cluster moves the directory version too (see 0002).
CREATE TRIGGER clusters_changed AFTER INSERT OR UPDATE OR DELETE ON clusters
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
