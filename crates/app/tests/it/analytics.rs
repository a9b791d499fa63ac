//! Collaboration analytics on the Luxembourg demo: what admins, a cluster's managers and others
//! get, and figures recomputed after a write (the cache follows the data versions).

use crate::on_every_backend;
use app::analytics::AnalyticsQuery;
use app::auth::NewUser;
use app::{App, AppError};
use domain::{Actor, OrganisationInput};

async fn account(
    app: &App,
    email: &str,
    role: &str,
    clusters: Vec<domain::ClusterId>,
    organisation_id: Option<domain::OrganisationId>,
) -> Actor {
    let new = NewUser {
        email: email.into(),
        password: "Tq8#vX2!analytics-test-password".into(),
        role: role.into(),
        clusters,
        organisation_id,
    };
    let id = app.create_user(&Actor::system(), &new).await.unwrap();
    app.actor_for_user(id).await.unwrap().unwrap()
}

fn all_years(from: i32, to: i32) -> AnalyticsQuery {
    AnalyticsQuery { cluster: None, from: Some(from), to: Some(to) }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_see_the_initiative_managers_their_cluster_others_nothing() {
    on_every_backend(|app, label| async move {
        assert!(app.load_demo().await.unwrap().loaded, "{label}");
        let admin = Actor::system();
        let q = all_years(2012, 2014);
        let kpis = app.analytics_kpis(&admin, &q).await.unwrap();
        let fields: std::collections::BTreeSet<&str> = kpis.iter().map(|r| r.field).collect();
        assert_eq!(fields.len(), 4, "{label}: branding only for this year (2026)");
        let members_2013 = kpis.iter().find(|r| r.cluster.is_none() && r.year == 2013 && r.kpi == "members").unwrap();
        assert!(members_2013.value > 50.0, "{label}: {members_2013:?}");
        let held = kpis.iter().find(|r| r.cluster.is_none() && r.year == 2013 && r.kpi == "meetings_held_per_member");
        assert!(held.unwrap().value > 0.0, "{label}: the 2013 forum held meetings");

        let matrix = app.analytics_matrix(&admin, &q).await.unwrap();
        let c = matrix.clusters.len();
        assert_eq!(matrix.cells.len(), c * (c - 1) / 2 * 4, "{label}: three years and the total");
        assert!(matrix.cells.iter().any(|x| x.year == Some(2013) && x.counts.held_meetings > 0), "{label}");
        assert_eq!(matrix.outside.len(), 4);
        for cell in matrix.cells.iter().filter(|x| x.year.is_none()) {
            let sum: u64 = matrix
                .cells
                .iter()
                .filter(|y| y.year.is_some() && y.a == cell.a && y.b == cell.b)
                .map(|y| y.counts.joint_projects)
                .sum();
            assert_eq!(cell.counts.joint_projects, sum, "{label}: a project counts in the year it started");
        }

        let bridges = app.analytics_bridges(&admin, &AnalyticsQuery::default()).await.unwrap();
        assert!(bridges.len() > 50, "{label}: {} bridges", bridges.len());
        assert!(bridges.windows(2).all(|w| w[0].betweenness >= w[1].betweenness));
        assert!(bridges[0].betweenness > 0.0 && bridges[0].role != "none", "{label}: {:?}", bridges[0]);

        let communities = app.analytics_communities(&admin, &AnalyticsQuery::default()).await.unwrap();
        assert!(
            communities.modularity > 0.3 && communities.communities.len() > 2,
            "{label}: {}",
            communities.modularity
        );
        let funnel = app.analytics_funnel(&admin, &AnalyticsQuery::default()).await.unwrap();
        let forum = funnel.iter().find(|f| f.event.as_deref() == Some("cluster-forum-2013")).unwrap();
        assert!(forum.stages.requested >= forum.stages.accepted && forum.stages.accepted >= forum.stages.held);
        assert!(forum.stages.held > 0, "{label}");

        // A manager: their cluster's rows only. The demo's forums belong to every demo cluster, so
        // this manager organises them and sees their meetings as the admin does (the rule that
        // hides the meetings of events one does not organise is `domain::access`'s
        // `can_see_event_meetings`, tested there).
        let slug = matrix.clusters[0].clone();
        let cluster = app.clusters().await.unwrap().into_iter().find(|c| c.cluster.slug == slug).unwrap().cluster.id;
        let manager = account(&app, "manager.analytics@example.org", "manager", vec![cluster], None).await;
        let mine = app.analytics_kpis(&manager, &q).await.unwrap();
        assert!(!mine.is_empty() && mine.iter().all(|r| r.cluster.as_deref() == Some(slug.as_str())), "{label}");
        for r in mine.iter().filter(|r| r.kpi == "meetings_held_per_member") {
            let admins = kpis.iter().find(|a| a.cluster == r.cluster && a.year == r.year && a.kpi == r.kpi);
            assert_eq!(Some(r.value), admins.map(|a| a.value), "{label}: {r:?}");
        }
        let m = app.analytics_matrix(&manager, &q).await.unwrap();
        assert!(m.cells.iter().all(|x| x.a == slug || x.b == slug) && m.outside.is_empty());
        for x in &m.cells {
            let admins = matrix.cells.iter().find(|y| y.a == x.a && y.b == x.b && y.year == x.year).unwrap();
            assert_eq!(x.counts.held_meetings, admins.counts.held_meetings, "{label}: the organiser sees the meetings");
        }
        let b = app.analytics_bridges(&manager, &AnalyticsQuery::default()).await.unwrap();
        assert!(b.iter().all(|x| x.clusters.contains(&slug)));
        assert!(matches!(
            app.analytics_communities(&manager, &AnalyticsQuery::default()).await,
            Err(AppError::Forbidden)
        ));
        let other = AnalyticsQuery { cluster: Some(matrix.clusters[1].clone()), ..q.clone() };
        assert!(matches!(app.analytics_kpis(&manager, &other).await, Err(AppError::Forbidden)));
        let nowhere = AnalyticsQuery { cluster: Some("no-such-cluster".into()), ..q.clone() };
        assert!(matches!(app.analytics_kpis(&admin, &nowhere).await, Err(AppError::NotFound(_))));
        let backwards = AnalyticsQuery { from: Some(2015), to: Some(2014), ..AnalyticsQuery::default() };
        assert!(matches!(app.analytics_kpis(&admin, &backwards).await, Err(AppError::Validation(_))));

        // The top bridge's own account sees no analytics, nor does a guest.
        let member =
            account(&app, "member.analytics@example.org", "member", vec![], Some(bridges[0].organisation)).await;
        assert!(matches!(app.analytics_kpis(&member, &q).await, Err(AppError::Forbidden)));
        let guest = account(&app, "guest.analytics@example.org", "participant", vec![], None).await;
        assert!(matches!(app.analytics_bridges(&guest, &q).await, Err(AppError::Forbidden)));
        assert!(matches!(app.analytics_matrix(&Actor::anonymous(), &q).await, Err(AppError::Unauthenticated)));

        // A write moves the directory version: the figures are recomputed.
        let this_year = AnalyticsQuery { cluster: Some(slug.clone()), from: Some(2026), to: Some(2026) };
        let count = |rows: &[app::analytics::KpiRow]| rows.iter().find(|r| r.kpi == "members").unwrap().value;
        let before = count(&app.analytics_kpis(&admin, &this_year).await.unwrap());
        let input = OrganisationInput {
            name: "Analytics Newcomer".into(),
            kind: "company".into(),
            country: "LU".into(),
            ..Default::default()
        };
        let org = app.create_org(&admin, &input).await.unwrap();
        app.add_membership(&admin, org, &slug, Some("2026-02-01"), None).await.unwrap();
        let after = count(&app.analytics_kpis(&admin, &this_year).await.unwrap());
        assert_eq!(after, before + 1.0, "{label}");

        for t in app.analytics_timings(0.05).await.unwrap() {
            eprintln!("{label}: {} {:.3} s ({})", t.measure, t.seconds, t.detail);
        }
    })
    .await;
}
