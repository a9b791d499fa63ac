//! Themed round tables: participants ask for one, and the grouping
//! (`matching::roundtables`, pure) forms tables of four to six mixing clusters around a theme
//! drawn from their organisations' projects and profiles.

use crate::{App, AppError, AppResult};
use domain::Actor;

/// A themed round table: its theme, the words its members share, and its members with their
/// clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTable {
    pub theme: String,
    pub shared: Vec<String>,
    pub members: Vec<(String, Vec<String>)>,
}

impl App {
    /// Asks for (or leaves) a themed round table at an event.
    pub async fn set_round_table(&self, actor: &Actor, slug: &str, join: bool) -> AppResult<()> {
        let Some(user_id) = actor.user_id else { return Err(AppError::Unauthenticated) };
        let mut tx = self.store.begin().await?;
        let e = self.event(&mut tx, slug).await?;
        let me = store::event_participants(&mut tx, e.id)
            .await?
            .into_iter()
            .find(|p| p.user_id == Some(user_id))
            .ok_or_else(|| AppError::Conflict("register for the event first".into()))?;
        store::set_round_table(&mut tx, me.id, join).await?;
        store::commit(tx).await?;
        Ok(())
    }

    /// Themed round tables of four to six among the participants who asked for one, mixing
    /// clusters, each with its theme. `(theme, shared words, [(name, clusters)])`; names as
    /// `actor` may see them (no account e-mail but their own, unless they organise the event).
    pub async fn round_tables(&self, actor: &Actor, slug: &str) -> AppResult<Vec<RoundTable>> {
        let mut conn = self.store.conn().await?;
        let e = self.event(&mut conn, slug).await?;
        let wanted = store::round_table_participants(&mut conn, e.id).await?;
        let mut participants = store::event_participants(&mut conn, e.id).await?;
        let organises = self.organises(&mut conn, actor, &e).await?;
        self.hide_account_emails(&mut conn, actor, &e, organises, &mut participants).await?;
        let clusters = store::all_clusters(&mut conn).await?;
        let today = self.today_text();
        let mut people = Vec::new();
        for p in participants.iter().filter(|p| wanted.contains(&p.id)) {
            let (text, cs) = match p.organisation_id {
                Some(o) => {
                    let mut text: String = store::projects_of_org(&mut conn, o, 200)
                        .await?
                        .iter()
                        .map(|(x, _)| format!("{}\n", x.title))
                        .collect();
                    if let Some(org) = store::get_org(&mut conn, o).await? {
                        text.push_str(&format!("{} {} {}", org.offers, org.needs, org.tags.join(" ")));
                    }
                    (text, store::current_clusters_of_org(&mut conn, o, &today).await?)
                }
                None => (String::new(), Vec::new()),
            };
            people.push(matching::roundtables::Person {
                id: p.id.get(),
                clusters: cs.iter().map(|c| c.get()).collect(),
                text,
            });
        }
        drop(conn);
        let groups = matching::roundtables::round_tables(&people);
        Ok(groups
            .into_iter()
            .map(|g| RoundTable {
                theme: g.theme,
                shared: g.shared,
                members: g
                    .members
                    .iter()
                    .map(|id| {
                        let cs = people.iter().find(|x| x.id == *id).map(|x| x.clusters.clone()).unwrap_or_default();
                        let names =
                            clusters.iter().filter(|c| cs.contains(&c.id.get())).map(|c| c.name.clone()).collect();
                        (
                            participants.iter().find(|p| p.id.get() == *id).map(|p| p.name.clone()).unwrap_or_default(),
                            names,
                        )
                    })
                    .collect(),
            })
            .collect())
    }
}
