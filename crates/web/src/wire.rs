//! The JSON wire format, written by hand from domain types (domain types carry no serde), and
//! the reading of JSON bodies into the raw inputs the app validates.

use app::AppError;
use domain::{Cluster, ClusterId, FieldError, Organisation, Project};
use serde_json::{json, Map, Value};

pub(crate) fn cluster(c: &Cluster, members: Option<i64>, projects: Option<i64>) -> Value {
    json!({
        "id": c.id.get(),
        "slug": c.slug,
        "name": c.name,
        "sector": c.sector,
        "description": c.description,
        "status": c.status.as_str(),
        "successor_id": c.successor_id.map(ClusterId::get),
        "members": members,
        "projects": projects,
    })
}

pub(crate) fn organisation(o: &Organisation, clusters: &[String], projects: Option<i64>) -> Value {
    json!({
        "id": o.id.get(),
        "external_id": o.external_id,
        "name": o.name,
        "display_name": o.display_name(),
        "kind": o.kind.as_str(),
        "sme": o.sme,
        "country": o.country.code(),
        "city": o.city,
        "website": o.website,
        "description": o.description,
        "offers": o.offers,
        "needs": o.needs,
        "tags": o.tags,
        "languages": o.languages,
        "clusters": clusters,
        "projects": projects,
        "updated_at": o.updated_at,
    })
}

pub(crate) fn project(p: &Project) -> Value {
    json!({
        "id": p.id.get(),
        "external_id": p.external_id,
        "acronym": p.acronym,
        "title": p.title,
        "display_title": p.display_title(),
        "summary": p.summary,
        "kind": p.kind.as_str(),
        "status": p.status.as_str(),
        "start_date": p.start_date.map(|d| d.to_string()),
        "end_date": p.end_date.map(|d| d.to_string()),
        "budget_eur": p.budget_eur,
        "programme": p.programme,
        "topic": p.topic,
    })
}

pub(crate) fn person(p: &app::registry::PersonView) -> Value {
    json!({
        "id": p.id.get(),
        "organisation_id": p.organisation_id.get(),
        "name": p.name,
        "role_title": p.role_title,
        "email": p.email,
        "email_visibility": p.email_visibility.as_str(),
        "phone": p.phone,
        "phone_visibility": p.phone_visibility.as_str(),
        "fictional": p.fictional,
    })
}

pub(crate) fn list(items: Vec<Value>, total: i64, page: i64, per_page: i64) -> Value {
    json!({"items": items, "total": total, "page": page, "per_page": per_page})
}

/// A JSON object body whose fields are read as text (numbers, booleans and lists of strings are
/// accepted and written as text), with unknown fields rejected by name.
pub(crate) struct Body(Map<String, Value>);

impl Body {
    pub(crate) fn parse(bytes: &[u8], allowed: &[&str]) -> Result<Body, AppError> {
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| AppError::field("body", format!("is not valid JSON: {e}")))?;
        let Value::Object(map) = value else { return Err(AppError::field("body", "must be a JSON object")) };
        let unknown: Vec<FieldError> = map
            .keys()
            .filter(|k| !allowed.contains(&k.as_str()))
            .map(|k| FieldError::new(k.clone(), format!("unknown field (allowed: {})", allowed.join(", "))))
            .collect();
        if !unknown.is_empty() {
            return Err(AppError::Validation(unknown));
        }
        let mut errors = Vec::new();
        for (k, v) in &map {
            if text(v).is_err() {
                errors.push(FieldError::new(k.clone(), "must be a string, a number, a boolean or a list of strings"));
            }
        }
        if errors.is_empty() {
            Ok(Body(map))
        } else {
            Err(AppError::Validation(errors))
        }
    }

    pub(crate) fn opt(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(|v| text(v).ok().flatten())
    }

    pub(crate) fn req(&self, key: &str) -> String {
        self.opt(key).unwrap_or_default()
    }

    /// A list field: a JSON array of strings, or text separated by `;`.
    pub(crate) fn list(&self, key: &str) -> Vec<String> {
        match self.0.get(key) {
            Some(Value::Array(a)) => a.iter().filter_map(|v| text(v).ok().flatten()).collect(),
            Some(v) => text(v)
                .ok()
                .flatten()
                .map(|s| s.split(';').map(|x| x.trim().to_string()).filter(|x| !x.is_empty()).collect())
                .unwrap_or_default(),
            None => Vec::new(),
        }
    }

    /// A field of lines: a JSON array of strings (one line each), or one text.
    pub(crate) fn lines(&self, key: &str) -> String {
        match self.0.get(key) {
            Some(Value::Array(a)) => a.iter().filter_map(|v| text(v).ok().flatten()).collect::<Vec<_>>().join("\n"),
            _ => self.req(key),
        }
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.0.contains_key(key)
    }
}

fn text(v: &Value) -> Result<Option<String>, ()> {
    match v {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Array(items) => {
            let parts: Result<Vec<String>, ()> = items
                .iter()
                .map(|i| match i {
                    Value::String(s) => Ok(s.clone()),
                    Value::Number(n) => Ok(n.to_string()),
                    _ => Err(()),
                })
                .collect();
            Ok(Some(parts?.join(";")))
        }
        Value::Object(_) => Err(()),
    }
}
