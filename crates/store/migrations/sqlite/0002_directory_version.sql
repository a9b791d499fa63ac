-- A counter that changes whenever what the directory search and the matchmaking read changes
-- (organisations, their terms, memberships, projects, partners), by whichever process writes. A server keeps its in-memory directory index
-- while the counter is unchanged and reloads it when another writer (e.g. a CLI import) moved it.
-- SQLite triggers fire per row, so org_terms (hundreds of thousands of rows in an import) has
-- none: its rows only change together with their organisation or its partners, which do.
CREATE TABLE directory_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO directory_version (id, version) VALUES (1, 0);

CREATE TRIGGER organisations_ins AFTER INSERT ON organisations BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER organisations_upd AFTER UPDATE ON organisations BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER organisations_del AFTER DELETE ON organisations BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER memberships_ins AFTER INSERT ON memberships BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER memberships_upd AFTER UPDATE ON memberships BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER memberships_del AFTER DELETE ON memberships BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER project_partners_ins AFTER INSERT ON project_partners BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER project_partners_del AFTER DELETE ON project_partners BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER projects_ins AFTER INSERT ON projects BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER projects_upd AFTER UPDATE ON projects BEGIN UPDATE directory_version SET version = version + 1; END;
CREATE TRIGGER projects_del AFTER DELETE ON projects BEGIN UPDATE directory_version SET version = version + 1; END;
