//! The analytics dashboards and their CSV over HTTP: what each table holds as CSV, the heat map
//! with its title and data table, and who gets which page (the access matrix has the cells).

use crate::support::{on_every_backend, TestApp};
use domain::{Actor, OrganisationId, ProjectInput};

/// A project of Orbital Sat Works (Space) and Soft Systems (ICT) started in 2025.
async fn joint_project(t: &TestApp) {
    let sys = Actor::system();
    let input = ProjectInput {
        title: "Satellite data platform".into(),
        kind: "common".into(),
        start_date: Some("2025-02-01".into()),
        budget_eur: Some("250000".into()),
        ..Default::default()
    };
    let id = t.app.create_project(&sys, &input, &[]).await.unwrap();
    for org in [t.sat, t.soft] {
        t.app.set_partner(&sys, id, OrganisationId::new(org), "participant").await.unwrap();
    }
}

async fn page(t: &TestApp, path: &str, role: &str) -> (u16, String, String) {
    let (cookie, _) = t.session(role).await.unwrap();
    let r = t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap();
    let status = r.status().as_u16();
    let kind = r.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (status, kind, r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboards_show_the_heat_map_and_every_table_as_csv() {
    on_every_backend(|t| async move {
        joint_project(&t).await;
        let (status, _, html) = page(&t, "/analytics?from=2024&to=2026", "admin").await;
        assert_eq!(status, 200, "{}", t.label);
        for expect in [
            "role=\"img\" aria-labelledby=\"heat-title heat-desc\"",
            "<title id=\"heat-title\">",
            "ict × space: 1 joint projects, 0 held meetings, 0 shared members",
            "The initiative, per year",
            "Clusters compared, 2026",
            "Communities",
            "href=\"/analytics/matrix.csv?from=2024",
        ] {
            assert!(html.contains(expect), "{}: {expect:?} missing", t.label);
        }

        let (status, kind, csv) = page(&t, "/analytics/matrix.csv?from=2024&to=2026", "admin").await;
        assert_eq!((status, kind.as_str()), (200, "text/csv; charset=utf-8"));
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], "a,b,year,joint_projects,held_meetings,shared_members,previous_joint_projects,previous_held_meetings,previous_shared_members");
        assert!(lines.contains(&"ict,space,2025,1,0,0,0,0,0"), "{csv}");
        assert!(lines.contains(&"ict,space,2026,0,0,0,1,0,0"), "{csv}");
        assert!(lines.contains(&"ict,space,,1,0,0,0,0,0"), "{csv}");
        let (_, _, kpis) = page(&t, "/analytics/kpis.csv?from=2025&to=2025", "admin").await;
        assert!(kpis.starts_with("cluster,year,field,kpi,value\n"));
        assert!(kpis.contains("\n,2025,flagship_projects,common_projects_started,1\n"), "{kpis}");
        assert!(kpis.contains("\nspace,2025,flagship_projects,flagship_common_budget_eur,250000\n"), "{kpis}");
        let (_, _, bridges) = page(&t, "/analytics/bridges.csv", "admin").await;
        assert!(bridges.starts_with("organisation,external_id,name,clusters,betweenness,role\n"));
        assert!(bridges.contains(",Orbital Sat Works,space,0,none"), "{bridges}");
        let (_, _, isolated) = page(&t, "/analytics/isolated.csv", "admin").await;
        assert!(isolated.starts_with("organisation,name,clusters,last_cross_cluster\n"));
        assert!(!isolated.contains("Orbital Sat Works"), "a joint project with ICT in 2025: {isolated}");
        let (_, _, funnel) = page(&t, "/analytics/funnel.csv", "admin").await;
        assert!(funnel.starts_with("event,cluster,year,requested,"));

        // A manager: their cluster's page and pairs; no communities of the whole graph.
        let (status, _, html) = page(&t, "/analytics", "manager_ict").await;
        assert_eq!(status, 200);
        assert!(html.contains("ict, per year") && !html.contains("The initiative, per year"));
        assert!(!html.contains("id=\"communities\"") && html.contains("Figures of the whole initiative are for admins"));
        let (status, _, csv) = page(&t, "/analytics/matrix.csv?cluster=ict&from=2025&to=2025", "manager_ict").await;
        assert_eq!(status, 200);
        assert!(csv.lines().skip(1).all(|l| l.starts_with("ict,") || l.contains(",ict,")), "{csv}");
        let (status, _, _) = page(&t, "/clusters/space/analytics", "manager_ict").await;
        assert_eq!(status, 403);
        let (status, _, _) = page(&t, "/analytics/nothing.csv", "admin").await;
        assert_eq!(status, 404);
        let (status, _, html) = page(&t, "/analytics?from=later", "admin").await;
        assert_eq!(status, 422);
        assert!(html.contains("is not a year"));
        t
    })
    .await;
}
