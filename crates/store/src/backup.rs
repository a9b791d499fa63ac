//! A logical dump of every table and its restore: the backup format for PostgreSQL (and a portable
//! way to move data between the two engines). SQLite also has `Store::sqlite_snapshot`.

use crate::query::Sql;
use crate::{Backend, Conn, Result};
use sqlx::{Column, Row};

/// Tables in an order that satisfies foreign keys. Sessions are not backed up: a restore signs
/// everybody out.
pub const TABLES: &[&str] = &[
    "clusters",
    "cluster_history",
    "cluster_keywords",
    "organisations",
    "org_terms",
    "memberships",
    "users",
    "user_languages",
    "membership_invitations",
    "user_clusters",
    "people",
    "projects",
    "project_partners",
    "project_clusters",
    "api_tokens",
    "contact_requests",
    "audit_log",
    "saved_searches",
    "events",
    "event_clusters",
    "event_sessions",
    "event_slots",
    "event_participants",
    "guests",
    "meeting_requests",
    "meetings",
    "meeting_feedback",
    "outbox",
    "mail_opt_outs",
    "consents",
    "join_requests",
    "meeting_follow_ups",
    "analytics_publications",
];

#[derive(Debug, Clone, PartialEq)]
pub enum DumpValue {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// Rows of one table with their column names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableDump {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<DumpValue>>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dump {
    pub tables: Vec<TableDump>,
}

/// Reads every table (call inside a transaction for a consistent view).
pub async fn dump(conn: &mut Conn) -> Result<Dump> {
    let mut out = Dump::default();
    for table in TABLES {
        let order = if *table == "org_terms" {
            "organisation_id, term"
        } else if table.contains('_')
            && ![
                "cluster_history",
                "membership_invitations",
                "api_tokens",
                "contact_requests",
                "audit_log",
                "saved_searches",
                "event_sessions",
                "event_slots",
                "event_participants",
                "meeting_requests",
                "meeting_follow_ups",
            ]
            .contains(table)
        {
            "1, 2"
        } else {
            "id"
        };
        let rows = sqlx::query(&format!("SELECT * FROM {table} ORDER BY {order}")).fetch_all(&mut *conn).await?;
        let t = table_dump(table, &rows)?;
        out.tables.push(t);
    }
    Ok(out)
}

/// Rows read with `SELECT *` as a [`TableDump`]: whole numbers, reals and text, whatever the engine.
pub(crate) fn table_dump(name: &str, rows: &[sqlx::any::AnyRow]) -> Result<TableDump> {
    let mut t = TableDump { name: name.to_string(), ..Default::default() };
    if let Some(first) = rows.first() {
        t.columns = first.columns().iter().map(|c| c.name().to_string()).collect();
    }
    for r in rows {
        let mut values = Vec::with_capacity(t.columns.len());
        for i in 0..t.columns.len() {
            let v = if let Ok(v) = r.try_get::<Option<i64>, _>(i) {
                v.map_or(DumpValue::Null, DumpValue::Int)
            } else if let Ok(v) = r.try_get::<Option<f64>, _>(i) {
                v.map_or(DumpValue::Null, DumpValue::Real)
            } else {
                r.try_get::<Option<String>, _>(i)?.map_or(DumpValue::Null, DumpValue::Text)
            };
            values.push(v);
        }
        t.rows.push(values);
    }
    Ok(t)
}

/// Writes a dump into an empty, migrated database (call inside a transaction).
pub async fn restore(conn: &mut Conn, backend: Backend, dump: &Dump) -> Result<()> {
    for t in &dump.tables {
        if !TABLES.contains(&t.name.as_str())
            || t.columns.iter().any(|c| !c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'))
        {
            // Names are spliced into SQL: accept only our own tables and plain column names.
            return Err(crate::StoreError::Conflict(format!("unknown table or column in backup: {}", t.name)));
        }
        // A cluster may point at a successor with a higher id: restore the link afterwards.
        let successor = t.columns.iter().position(|c| c == "successor_id").filter(|_| t.name == "clusters");
        for row in &t.rows {
            let mut sql = Sql::new(&format!("INSERT INTO {} ({}) VALUES (", t.name, t.columns.join(", ")));
            for (i, v) in row.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                match v {
                    _ if Some(i) == successor => sql.push("NULL"),
                    DumpValue::Null => sql.push("NULL"),
                    DumpValue::Int(n) => sql.int(*n),
                    DumpValue::Real(x) => sql.push(&format!("{x:?}")),
                    DumpValue::Text(s) => sql.text(s),
                };
            }
            sql.push(")");
            sql.query().execute(&mut *conn).await?;
        }
        if let Some(si) = successor {
            let id_col = t.columns.iter().position(|c| c == "id").unwrap_or(0);
            for row in &t.rows {
                if let (DumpValue::Int(s), DumpValue::Int(id)) = (&row[si], &row[id_col]) {
                    sqlx::query("UPDATE clusters SET successor_id = $1 WHERE id = $2")
                        .bind(*s)
                        .bind(*id)
                        .execute(&mut *conn)
                        .await?;
                }
            }
        }
        if backend == Backend::Postgres && t.columns.first().is_some_and(|c| c == "id") {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE((SELECT MAX(id) FROM {0}), 0) + 1, false)",
                t.name
            );
            sqlx::query(&sql).execute(&mut *conn).await?;
        }
    }
    Ok(())
}

/// Whether the database holds no organisations, clusters or users (a restore target).
pub async fn is_empty(conn: &mut Conn) -> Result<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM organisations) + (SELECT COUNT(*) FROM clusters) + (SELECT COUNT(*) FROM users)",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(n == 0)
}
