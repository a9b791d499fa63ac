//! Backup and restore. On SQLite a backup is a consistent snapshot of the running database file
//! (`VACUUM INTO`); on PostgreSQL it is a logical export of every table as JSON. Either kind of
//! backup restores into an empty database of either engine.

use crate::{App, AppError, AppResult};
use serde_json::{json, Value};
use std::io::Write;
use std::path::Path;
use store::{Backend, Dump, DumpValue, Store, TableDump};

pub const FORMAT: &str = "clusterbridge-backup";
const SQLITE_MAGIC: &[u8] = b"SQLite format 3\0";

fn io(e: impl Into<anyhow::Error>) -> AppError {
    AppError::Internal(e.into())
}

/// Creates `path`, which must not exist, readable by its owner only (0600, whatever the umask):
/// a backup holds password hashes and contact data.
fn create_private(path: &Path) -> AppResult<std::fs::File> {
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut open, 0o600);
    open.open(path).map_err(|e| AppError::BadRequest(format!("{}: {e}", path.display())))
}

fn dump_to_json(dump: &Dump) -> Value {
    let tables: Vec<Value> = dump
        .tables
        .iter()
        .map(|t| {
            let rows: Vec<Value> = t
                .rows
                .iter()
                .map(|r| {
                    Value::Array(
                        r.iter()
                            .map(|v| match v {
                                DumpValue::Null => Value::Null,
                                DumpValue::Int(i) => json!(i),
                                DumpValue::Real(x) => json!(x),
                                DumpValue::Text(s) => json!(s),
                            })
                            .collect(),
                    )
                })
                .collect();
            json!({"name": t.name, "columns": t.columns, "rows": rows})
        })
        .collect();
    json!({"format": FORMAT, "version": 1, "tables": tables})
}

fn dump_from_json(v: &Value) -> Result<Dump, String> {
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(format!("not a {FORMAT} file (field `format`)"));
    }
    let mut dump = Dump::default();
    for (i, t) in v.get("tables").and_then(Value::as_array).ok_or("field `tables` is missing")?.iter().enumerate() {
        let name = t.get("name").and_then(Value::as_str).ok_or(format!("tables[{i}].name is missing"))?;
        let columns: Vec<String> = t
            .get("columns")
            .and_then(Value::as_array)
            .ok_or(format!("tables[{i}].columns is missing"))?
            .iter()
            .map(|c| c.as_str().map(str::to_string).ok_or(format!("tables[{i}].columns holds a non-string")))
            .collect::<Result<_, _>>()?;
        let mut rows = Vec::new();
        for (j, r) in
            t.get("rows").and_then(Value::as_array).ok_or(format!("tables[{i}].rows is missing"))?.iter().enumerate()
        {
            let cells = r.as_array().ok_or(format!("tables[{i}].rows[{j}] is not an array"))?;
            if cells.len() != columns.len() {
                return Err(format!("tables[{i}].rows[{j}] has {} values for {} columns", cells.len(), columns.len()));
            }
            rows.push(
                cells
                    .iter()
                    .map(|c| match c {
                        Value::Null => Ok(DumpValue::Null),
                        Value::Number(n) if n.is_i64() => Ok(DumpValue::Int(n.as_i64().unwrap_or_default())),
                        Value::Number(n) => Ok(DumpValue::Real(n.as_f64().unwrap_or_default())),
                        Value::String(s) => Ok(DumpValue::Text(s.clone())),
                        _ => Err(format!("tables[{i}].rows[{j}] holds an unsupported value")),
                    })
                    .collect::<Result<_, _>>()?,
            );
        }
        dump.tables.push(TableDump { name: name.to_string(), columns, rows });
    }
    Ok(dump)
}

impl App {
    /// Writes a backup to `path`, which must not exist yet. Returns what kind was written.
    pub async fn backup(&self, path: &Path) -> AppResult<&'static str> {
        if path.exists() {
            return Err(AppError::BadRequest(format!("{} exists already; choose a new file", path.display())));
        }
        match self.store.backend() {
            Backend::Sqlite => {
                // `VACUUM INTO` fills an empty file and keeps its mode.
                drop(create_private(path)?);
                if let Err(e) = self.store.sqlite_snapshot(&path.display().to_string()).await {
                    let _ = std::fs::remove_file(path);
                    return Err(e.into());
                }
                Ok("SQLite snapshot")
            }
            Backend::Postgres => {
                let mut tx = self.store.begin().await?;
                let dump = store::dump(&mut tx).await?;
                drop(tx);
                let text = serde_json::to_vec(&dump_to_json(&dump)).map_err(io)?;
                create_private(path)?.write_all(&text).map_err(io)?;
                Ok("logical JSON export")
            }
        }
    }

    /// Restores a backup of either kind into this database, which must be empty.
    pub async fn restore(&self, path: &Path) -> AppResult<usize> {
        let bytes = std::fs::read(path).map_err(|e| AppError::BadRequest(format!("{}: {e}", path.display())))?;
        let dump = if bytes.starts_with(SQLITE_MAGIC) {
            let source = Store::connect(&format!("sqlite://{}?mode=ro", path.display())).await?;
            let mut conn = source.conn().await?;
            let d = store::dump(&mut conn).await?;
            drop(conn);
            source.close().await;
            d
        } else {
            let v: Value = serde_json::from_slice(&bytes)
                .map_err(|e| AppError::BadRequest(format!("{}: not a backup file: {e}", path.display())))?;
            dump_from_json(&v).map_err(|m| AppError::BadRequest(format!("{}: {m}", path.display())))?
        };
        let mut tx = self.store.begin().await?;
        if !store::is_empty(&mut tx).await? {
            return Err(AppError::Conflict("the target database is not empty; restore into a fresh one".into()));
        }
        store::restore(&mut tx, self.store.backend(), &dump).await?;
        store::commit(tx).await?;
        Ok(dump.tables.iter().map(|t| t.rows.len()).sum())
    }
}
