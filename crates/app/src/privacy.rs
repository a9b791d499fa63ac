//! A person's rights over their data: "download my data" hands them one JSON file of everything
//! held about them (`store::personal_data`: the account, consents, sessions, tokens, saved
//! searches, requests to join, their contact record and contact requests, event participations
//! with requests, meetings, feedback and follow-ups, the mail to their address, the audit lines
//! naming them), secrets left out; "delete my account" erases it (`store::erase_person`), keeping
//! the organisation's record, the meetings as a pseudonym's and the audit trail without the
//! address. An administrator can do the same on a person's request; the last administrator
//! cannot delete their own account.

use crate::auth::{normalise_email, verify_password};
use crate::{App, AppError, AppResult};
use domain::Actor;
use serde_json::{json, Map, Value};
use store::{DumpValue, TableDump};

impl App {
    /// Everything held about the signed-in person, as one JSON document.
    pub async fn my_data(&self, actor: &Actor) -> AppResult<Value> {
        let user_id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        let mut tx = self.store.begin().await?;
        let user = store::get_user(&mut tx, user_id).await?.ok_or(AppError::Unauthenticated)?;
        let tables = store::personal_data(&mut tx, user.id, &user.email).await?;
        store::commit(tx).await?;
        let mut data = Map::new();
        for t in &tables {
            data.insert(t.name.clone(), Value::Array(records(t)));
        }
        Ok(json!({
            "account": user.email,
            "generated_at": self.now_text(),
            "about": "Everything this clusterbridge holds about this account, table by table. Secrets (password and token hashes) are left out.",
            "data": data,
        }))
    }

    /// Deletes the signed-in person's account after they prove their password.
    pub async fn delete_my_account(&self, actor: &Actor, password: &str) -> AppResult<()> {
        let user_id = actor.user_id.ok_or(AppError::Unauthenticated)?;
        let mut tx = self.store.begin().await?;
        let user = store::get_user(&mut tx, user_id).await?.ok_or(AppError::Unauthenticated)?;
        if !verify_password(password, &user.password_hash) {
            return Err(AppError::field("password", "is not this account's password"));
        }
        self.erase(&mut tx, actor, &user).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Deletes another person's account on their request (administrators).
    pub async fn delete_account(&self, actor: &Actor, email: &str) -> AppResult<()> {
        if !actor.can_manage_users() {
            return Err(AppError::Forbidden);
        }
        let mut tx = self.store.begin().await?;
        let user = store::get_user_by_email(&mut tx, &normalise_email(email))
            .await?
            .ok_or_else(|| AppError::NotFound(format!("account {email}")))?;
        self.erase(&mut tx, actor, &user).await?;
        store::commit(tx).await?;
        Ok(())
    }

    async fn erase(&self, tx: &mut store::Conn, actor: &Actor, user: &domain::User) -> AppResult<()> {
        if user.role == domain::Role::Admin && !user.disabled && store::active_admins(tx).await? <= 1 {
            return Err(AppError::Conflict(
                "this is the last administrator's account: make another administrator first".into(),
            ));
        }
        let pseudonym = format!("deleted account {}", user.id);
        store::erase_person(tx, user.id, &user.email, &pseudonym).await?;
        let by = if actor.user_id == Some(user.id) { "by its owner" } else { "by an administrator, on request" };
        // The actor's own address is gone from the log once the owner deleted it.
        let who = if actor.user_id == Some(user.id) {
            Actor { email: pseudonym.clone(), ..actor.clone() }
        } else {
            actor.clone()
        };
        self.audit(tx, &who, "delete_account", "user", &pseudonym, by).await?;
        Ok(())
    }
}

/// A table's rows as JSON objects, column by column.
fn records(t: &TableDump) -> Vec<Value> {
    t.rows
        .iter()
        .map(|row| {
            let mut o = Map::new();
            for (c, v) in t.columns.iter().zip(row) {
                let v = match v {
                    DumpValue::Null => Value::Null,
                    DumpValue::Int(n) => json!(n),
                    DumpValue::Real(x) => json!(x),
                    DumpValue::Text(s) => json!(s),
                };
                o.insert(c.clone(), v);
            }
            Value::Object(o)
        })
        .collect()
}
