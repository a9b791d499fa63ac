//! Collaboration analytics and strategy KPIs: the registry's data is read once through `store`
//! into the plain values of the pure `analytics` crate (`load`), kept with the directory and
//! analytics versions it reflects, and every figure computed from it is cached beside it until
//! either version moves (any write to the registry or to events). The views (`views`) resolve
//! positions back to slugs, ids and names, and apply who may see what:
//!
//! - the initiative's figures (its KPI rows, communities, the whole matrix) are for admins;
//!   a cluster's figures for its managers (`domain::access`); nothing is published to others;
//! - figures built from meetings include only the events the viewer organises (admins: all), so
//!   no count or edge shows a meeting the viewer could not see on the event's pages.

mod load;
mod report;
mod views;

pub use analytics::funnel::Stages;
pub use analytics::kpis::KPIS;
pub use analytics::matrix::{Counts, Outside};
pub use report::{EventReport, Line, ReportFollowUp, ReportJointProject, ReportRoundTable, Shown, SMALL};
pub use views::{
    Bridge, CommunitiesView, CommunityView, FunnelLine, GraphExport, IsolatedMember, KpiRow, MatrixCell, MatrixView,
    NetworkTiming,
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

    /// The cluster asked for (its position), checked against the actor's rights; `None` when
    /// no cluster was named, after checking that the actor sees analytics at all.
    fn scope(&self, actor: &Actor, q: &AnalyticsQuery) -> AppResult<Option<usize>> {
        match &q.cluster {
            Some(slug) => {
                let k = self.data.cluster_index(slug).ok_or_else(|| AppError::NotFound(format!("cluster `{slug}`")))?;
                if !actor.can_see_cluster_analytics(self.cluster_ids[k]) {
                    return Err(if actor.is_signed_in() { AppError::Forbidden } else { AppError::Unauthenticated });
                }
                Ok(Some(k))
            }
            None => {
                if !actor.is_signed_in() {
                    return Err(AppError::Unauthenticated);
                }
                if !actor.can_see_initiative_analytics() && !self.cluster_ids.iter().any(|&c| actor.manages_cluster(c))
                {
                    return Err(AppError::Forbidden);
                }
                Ok(None)
            }
        }
    }

    /// Whether the actor may see figures of cluster position `k` within `scope`.
    fn shows_cluster(&self, actor: &Actor, scope: Option<usize>, k: usize) -> bool {
        scope.is_none_or(|s| s == k) && actor.can_see_cluster_analytics(self.cluster_ids[k])
    }
}

impl App {
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
