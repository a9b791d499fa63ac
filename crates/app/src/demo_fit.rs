//! The demo's cluster-fit rule applied to every organisation of the registry, for the analytics
//! benchmark at full scale (`cargo xtask bench analytics` on the whole CORDIS extract): the
//! demo's eight clusters are created when missing (with their keywords), and every organisation
//! not yet in one joins the clusters the demo's rule picks from its projects' texts
//! (`demo::fit_picks`: every cluster whose keywords appear in at least a third of the texts, at
//! most three, else the single best-fitting one; none when no text holds a keyword). The
//! memberships are marked inferred, with their reason. The demo itself keeps its rule for named
//! Luxembourg organisations only.

use crate::demo::{fit_picks, CLUSTERS};
use crate::{App, AppError, AppResult};
use domain::{Actor, ClusterId, ClusterInput, Membership, MembershipId, ProjectId};
use matching::{cluster_fit, ClusterProfile};
use std::collections::{HashMap, HashSet};

impl App {
    /// Returns `(organisations that joined a cluster, memberships written)`.
    pub async fn fit_clusters_to_all(&self, actor: &Actor) -> AppResult<(usize, usize)> {
        if !actor.is_admin() {
            return Err(AppError::Forbidden);
        }
        let mut profiles = Vec::new();
        for c in CLUSTERS {
            let existing = store::get_cluster_by_slug(&mut *self.store.conn().await?, c.slug).await?;
            let id = match existing {
                Some(x) => x.id,
                None => {
                    let input = ClusterInput {
                        slug: c.slug.into(),
                        name: c.name.into(),
                        sector: c.sector.into(),
                        description: c.description.into(),
                    };
                    self.create_cluster(actor, &input).await?
                }
            };
            profiles
                .push(ClusterProfile { id: id.get(), keywords: c.keywords.iter().map(|k| k.to_string()).collect() });
        }
        let mut tx = self.store.begin().await?;
        for p in &profiles {
            store::set_cluster_keywords(&mut tx, ClusterId::new(p.id), &p.keywords).await?;
        }
        let texts: HashMap<ProjectId, String> = store::all_project_texts(&mut tx).await?.into_iter().collect();
        let mut projects_of: HashMap<domain::OrganisationId, Vec<ProjectId>> = HashMap::new();
        for (p, o, _) in store::all_partners(&mut tx).await? {
            projects_of.entry(o).or_default().push(p);
        }
        let members: HashSet<domain::OrganisationId> =
            store::dated_memberships(&mut tx).await?.into_iter().map(|(o, _, _, _)| o).collect();
        let now = self.now_text();
        let (mut joined, mut written) = (0, 0);
        for o in store::all_orgs(&mut tx).await? {
            if members.contains(&o.id) {
                continue;
            }
            let own: Vec<String> = projects_of
                .get(&o.id)
                .map(|ps| ps.iter().filter_map(|p| texts.get(p).cloned()).collect())
                .unwrap_or_default();
            let fits = cluster_fit(&own, &profiles);
            let picks = fit_picks(&fits);
            joined += usize::from(!picks.is_empty());
            for f in picks {
                let m = Membership {
                    id: MembershipId::default(),
                    organisation_id: o.id,
                    cluster_id: ClusterId::new(f.cluster_id),
                    start_date: None,
                    end_date: None,
                    inferred: true,
                    note: format!("Inferred: {}", f.reason(own.len())),
                };
                store::insert_membership(&mut tx, &m, &now).await?;
                written += 1;
            }
        }
        store::commit(tx).await?;
        Ok((joined, written))
    }
}
