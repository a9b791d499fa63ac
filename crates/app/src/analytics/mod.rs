//! Collaboration analytics and strategy KPIs: the registry's data is read once through `store`
//! into the plain values of the pure `analytics` crate (`load`), kept with the directory and
//! analytics versions it reflects, and every figure computed from it is cached beside it until
//! either version moves (any write to the registry or to events). The views (`views`) resolve
//! positions back to slugs, ids and names, and apply who may see what:
//!
//! - the initiative's figures (its KPI rows, communities, the whole matrix) are for admins;
//!   a cluster's figures for its managers (`domain::access`), and for whom an admin published
//!   them to (`publish`);
//! - figures built from meetings include only the events the viewer organises (admins: all), so
//!   no count or edge shows a meeting the viewer could not see on the event's pages; readers of
//!   published figures get every event's meetings with the small counts withheld.
//!
//! `network` draws the collaboration network map.

mod load;
mod network;
mod publish;
mod report;
mod views;

pub use network::{NetworkEdge, NetworkNode, NetworkView, MAX_EDGES};
use publish::Sight;
pub use publish::{Publication, SMALL};

pub use analytics::funnel::Stages;
pub use analytics::kpis::KPIS;
pub use analytics::matrix::{Counts, Outside};
pub use report::{EventReport, Line, ReportFollowUp, ReportJointProject, ReportRoundTable, Shown};
pub use views::{
    Bridge, CommunitiesView, CommunityView, FunnelLine, GraphExport, IsolatedMember, KpiRow, MatrixCell, MatrixView,
    NetworkTiming, MEETING_KPIS,
};

use crate::{App, AppError, AppResult};
use domain::{Actor, ClusterId, OrganisationId};
use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// What a measure is asked for: one cluster or all the viewer may see, and a span of years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AnalyticsQuery {
    pub cluster: Option<String>,
    pub from: Option<i32>,
    pub to: Option<i32>,
}

/// The registry's data as the analytics crate reads it, stamped with the versions it reflects,
/// and the figures computed from it so far.
pub(crate) struct Loaded {
    versions: (i64, i64),
    data: analytics::Data,
    org_ids: Vec<OrganisationId>,
    cluster_ids: Vec<ClusterId>,
    cluster_names: Vec<String>,
    /// For each event, the clusters organising it (whose managers may see its meetings).
    event_clusters: Vec<Vec<ClusterId>>,
    event_slugs: Vec<String>,
    /// Figures by key (measure, viewer's events, period), computed at most once per version.
    results: Mutex<HashMap<String, Arc<dyn Any + Send + Sync>>>,
}

/// The slot in `App` that holds the loaded data.
pub(crate) type Slot = Arc<std::sync::RwLock<Option<Arc<Loaded>>>>;

impl Loaded {
    /// The cached figure under `key`, computed by `f` the first time.
    fn memo<T: Send + Sync + 'static>(&self, key: String, f: impl FnOnce() -> T) -> Arc<T> {
        if let Some(v) = self.results.lock().ok().and_then(|m| m.get(&key).cloned()) {
            if let Ok(v) = v.downcast::<T>() {
                return v;
            }
        }
        let v = Arc::new(f());
        if let Ok(mut m) = self.results.lock() {
            m.insert(key, v.clone());
        }
        v
    }

    /// A figure cached under `key`, if computed already (for figures computed asynchronously).
    fn cached<T: Send + Sync + 'static>(&self, key: &str) -> Option<Arc<T>> {
        self.results.lock().ok().and_then(|m| m.get(key).cloned()).and_then(|v| v.downcast::<T>().ok())
    }

    fn keep<T: Send + Sync + 'static>(&self, key: String, v: T) -> Arc<T> {
        let v = Arc::new(v);
        if let Ok(mut m) = self.results.lock() {
            m.insert(key, v.clone());
        }
        v
    }

    /// Which events' meetings the actor may see, as a key and a mask.
    fn visible_events(&self, actor: &Actor) -> (String, Vec<bool>) {
        let mask: Vec<bool> = self.event_clusters.iter().map(|c| actor.can_see_event_meetings(c)).collect();
        let key = if mask.iter().all(|&v| v) {
            "all".to_string()
        } else {
            mask.iter().enumerate().filter(|(_, &v)| v).map(|(i, _)| i.to_string()).collect::<Vec<_>>().join(",")
        };
        (key, mask)
    }

    /// The data as the actor may see it: requests of other events left out.
    fn data_for(&self, mask: &[bool]) -> std::borrow::Cow<'_, analytics::Data> {
        if mask.iter().all(|&v| v) {
            return std::borrow::Cow::Borrowed(&self.data);
        }
        let mut d = self.data.clone();
        d.requests.retain(|r| mask[r.event]);
        std::borrow::Cow::Owned(d)
    }

    /// Years asked for, defaulting to the last six up to the reference day's year.
    fn years(&self, q: &AnalyticsQuery) -> AppResult<(i32, i32)> {
        let to = q.to.unwrap_or(analytics::year_of(self.data.today));
        let from = q.from.unwrap_or(to - 5);
        if from > to {
            return Err(AppError::field("from", "must not be after `to`"));
        }
        if to - from > 60 {
            return Err(AppError::field("from", "at most 60 years at a time"));
        }
        Ok((from, to))
    }

    /// The cluster asked for (its position), checked against the actor's rights and what is
    /// published (`published`: the audience of the initiative's figures, and of the named
    /// cluster's); `None` when no cluster was named. A right beats a publication: an admin, or
    /// the cluster's manager, sees the figures as ever.
    fn scope(&self, actor: &Actor, q: &AnalyticsQuery, published: Published) -> AppResult<(Option<usize>, Sight)> {
        let refused = || if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated };
        match &q.cluster {
            Some(slug) => {
                let k = self.data.cluster_index(slug).ok_or_else(|| AppError::NotFound(format!("cluster `{slug}`")))?;
                if actor.can_see_cluster_analytics(self.cluster_ids[k]) {
                    Ok((Some(k), Sight::Direct))
                } else if actor.can_see_published(published.cluster) {
                    Ok((Some(k), Sight::Reader))
                } else {
                    Err(refused())
                }
            }
            None => {
                if actor.can_see_initiative_analytics() {
                    Ok((None, Sight::Direct))
                } else if actor.can_see_published(published.initiative) {
                    Ok((None, Sight::Reader))
                } else if self.cluster_ids.iter().any(|&c| actor.manages_cluster(c)) {
                    Ok((None, Sight::Direct))
                } else {
                    Err(refused())
                }
            }
        }
    }

    /// Whether the actor may see figures of cluster position `k` within `scope`.
    fn shows_cluster(&self, actor: &Actor, (scope, sight): (Option<usize>, Sight), k: usize) -> bool {
        scope.is_none_or(|s| s == k) && (sight == Sight::Reader || actor.can_see_cluster_analytics(self.cluster_ids[k]))
    }

    /// Whether the initiative's own rows (not a cluster's) are shown.
    fn shows_whole(&self, actor: &Actor, (scope, sight): (Option<usize>, Sight)) -> bool {
        scope.is_none() && (sight == Sight::Reader || actor.can_see_initiative_analytics())
    }

    /// Which events' meetings the figures count: a reader of published figures gets them all
    /// (the small counts withheld afterwards).
    fn events_for(&self, actor: &Actor, sight: Sight) -> (String, Vec<bool>) {
        match sight {
            Sight::Reader => ("all".into(), vec![true; self.event_clusters.len()]),
            Sight::Direct => self.visible_events(actor),
        }
    }
}

/// The audiences of the initiative's and the named cluster's figures.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Published {
    initiative: Option<domain::Audience>,
    cluster: Option<domain::Audience>,
}

impl App {
    /// The publications that bear on a query.
    async fn published(&self, l: &Loaded, q: &AnalyticsQuery) -> AppResult<Published> {
        let cluster = q.cluster.as_deref().and_then(|s| l.data.cluster_index(s)).map(|k| l.cluster_ids[k]);
        let rows = {
            let mut conn = self.store.conn().await?;
            store::analytics_publications(&mut conn).await?
        };
        let of = |c: Option<ClusterId>| {
            rows.iter().find(|(k, _)| *k == c).and_then(|(_, a)| domain::Audience::parse(a).ok())
        };
        Ok(Published { initiative: of(None), cluster: cluster.and_then(|c| of(Some(c))) })
    }

    /// The analytics data, reloaded when the directory or analytics version moved.
    pub(crate) async fn analytics_data(&self) -> AppResult<Arc<Loaded>> {
        let versions = {
            let mut conn = self.store.conn().await?;
            (store::directory_version(&mut conn).await?, store::analytics_version(&mut conn).await?)
        };
        let current = || {
            self.analytics
                .read()
                .ok()
                .and_then(|d| d.clone())
                .filter(|d| d.versions.0 >= versions.0 && d.versions.1 >= versions.1)
        };
        if let Some(d) = current() {
            return Ok(d);
        }
        let _guard = self.rebuilding.lock().await;
        if let Some(d) = current() {
            return Ok(d);
        }
        let loaded = Arc::new(self.load_analytics().await?);
        if let Ok(mut s) = self.analytics.write() {
            *s = Some(loaded.clone());
        }
        Ok(loaded)
    }
}
