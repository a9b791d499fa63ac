-- A counter that changes whenever what the directory search and the matchmaking read changes
-- (organisations, their terms, memberships, projects, partners), by whichever process writes. A server keeps its in-memory directory index
-- while the counter is unchanged and reloads it when another writer (e.g. a CLI import) moved it.
CREATE TABLE directory_version (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);

-- Once per transaction: an import runs 100,000 statements in one transaction, and updating the
-- same row for each would pile up row versions. A transaction-local setting remembers the bump.
CREATE FUNCTION bump_directory_version() RETURNS trigger AS $$
BEGIN
    IF current_setting('clusterbridge.directory_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE directory_version SET version = version + 1;
        PERFORM set_config('clusterbridge.directory_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE ON organisations
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER org_terms_changed AFTER INSERT OR UPDATE OR DELETE ON org_terms
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER memberships_changed AFTER INSERT OR UPDATE OR DELETE ON memberships
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER project_partners_changed AFTER INSERT OR UPDATE OR DELETE ON project_partners
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
CREATE TRIGGER projects_changed AFTER INSERT OR UPDATE OR DELETE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION bump_directory_version();
