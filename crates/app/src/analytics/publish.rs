//! Publishing figures (migration 0016): an admin publishes the initiative's figures to the
//! members' accounts or to everyone, and a cluster's to the members' accounts, and unpublishes
//! them. Readers who see figures only because they are published get them from every event's
//! meetings, but never a meeting-based count small enough to single out one meeting: counts 1 to
//! [`SMALL`] − 1 are withheld ("fewer than 5"), see `views` and `docs/kpis.md`.

use crate::{App, AppError, AppResult};
use domain::{Actor, Audience, ClusterId};

/// Meeting-based counts below this are withheld from readers of published figures.
pub const SMALL: u64 = 5;

/// How a viewer sees the figures of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sight {
    /// By right (admins; a cluster's managers): meetings of the events the viewer organises.
    Direct,
    /// Through a publication: every event's meetings, small meeting counts withheld, no funnel.
    Reader,
}

/// What is published, as an admin's page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Publication {
    /// `None`: the initiative.
    pub cluster: Option<String>,
    pub audience: Audience,
}

impl App {
    /// To whom the initiative's (`None`) or a cluster's figures are published.
    pub async fn analytics_audience(&self, cluster: Option<ClusterId>) -> AppResult<Option<Audience>> {
        let mut conn = self.store.conn().await?;
        let rows = store::analytics_publications(&mut conn).await?;
        Ok(rows.into_iter().find(|(c, _)| *c == cluster).and_then(|(_, a)| Audience::parse(&a).ok()))
    }

    /// Every publication (the admin's list), the initiative first.
    pub async fn analytics_publications(&self) -> AppResult<Vec<Publication>> {
        let mut conn = self.store.conn().await?;
        let rows = store::analytics_publications(&mut conn).await?;
        let clusters = store::all_clusters(&mut conn).await?;
        let mut out: Vec<Publication> = rows
            .into_iter()
            .filter_map(|(c, a)| {
                let audience = Audience::parse(&a).ok()?;
                let cluster = match c {
                    None => None,
                    Some(id) => Some(clusters.iter().find(|k| k.id == id)?.slug.clone()),
                };
                Some(Publication { cluster, audience })
            })
            .collect();
        out.sort_by(|a, b| a.cluster.cmp(&b.cluster));
        Ok(out)
    }

    /// Publishes the initiative's figures (`cluster` `None`) or a cluster's to `audience`
    /// ("members", or "public" for the initiative), or unpublishes them (`audience` `None`).
    pub async fn publish_analytics(
        &self,
        actor: &Actor,
        cluster: Option<&str>,
        audience: Option<&str>,
    ) -> AppResult<()> {
        if !actor.can_publish_analytics() {
            return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
        }
        let audience = match audience.map(str::trim).filter(|a| !a.is_empty()) {
            None => None,
            Some(a) => Some(Audience::parse(a).map_err(|e| AppError::field("audience", e))?),
        };
        let mut tx = self.store.begin().await?;
        let id = match cluster {
            None => None,
            Some(slug) => {
                let c = store::get_cluster_by_slug(&mut tx, slug)
                    .await?
                    .ok_or_else(|| AppError::NotFound(format!("cluster `{slug}`")))?;
                if audience == Some(Audience::Public) {
                    return Err(AppError::field("audience", "a cluster's figures are published to members only"));
                }
                Some(c.id)
            }
        };
        store::set_analytics_publication(&mut tx, id, audience.map(Audience::as_str), &self.now_text(), &actor.email)
            .await?;
        let scope = cluster.unwrap_or("initiative");
        let detail = audience.map_or("unpublished".to_string(), |a| format!("published to {}", a.as_str()));
        self.audit(&mut tx, actor, "publish", "analytics", scope, detail).await?;
        store::commit(tx).await?;
        Ok(())
    }
}
