//! The collaboration network map (`/analytics/network`: the SVG, the search without JavaScript,
//! the table, CSV and API), publishing the dashboards (who then sees them, small meeting counts
//! withheld from readers who may not see those meetings) and the KPI chart with its table and
//! CSV. The access matrix (`access.rs`) has the cells for every role.

use crate::support::{on_every_backend, TestApp};
use domain::{Actor, OrganisationId, ProjectInput};
use reqwest::Method;
use serde_json::Value;

/// A project of Orbital Sat Works (Space) and Soft Systems (ICT) started in 2025, and a meeting
/// of the two held at the Space cluster's forum.
async fn project_and_meeting(t: &TestApp) {
    let sys = Actor::system();
    let input = ProjectInput {
        title: "Satellite data platform".into(),
        kind: "common".into(),
        start_date: Some("2025-02-01".into()),
        ..Default::default()
    };
    let id = t.app.create_project(&sys, &input, &[]).await.unwrap();
    for org in [t.sat, t.soft] {
        t.app.set_partner(&sys, id, OrganisationId::new(org), "participant").await.unwrap();
    }
    crate::events::forum(t).await;
    for role in ["member_sat", "member_soft"] {
        let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
        assert!(r.status().is_success(), "{role} registers");
    }
    let view = t.app.event_view(&sys, "forum").await.unwrap();
    let id_of =
        |org: i64| view.participants.iter().find(|p| p.organisation_id == Some(OrganisationId::new(org))).unwrap().id;
    let meeting = t.app.add_meeting(&sys, "forum", id_of(t.sat), id_of(t.soft), 1).await.unwrap();
    t.app.mark_meeting(&sys, meeting, "held").await.unwrap();
}

async fn page(t: &TestApp, path: &str, role: &str) -> (u16, String) {
    let mut rb = t.http.get(t.url(path));
    if let Some((cookie, _)) = t.session(role).await {
        rb = rb.header("cookie", cookie);
    }
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// Posts the publishing form as `role`.
async fn publish(t: &TestApp, role: &str, scope: &str, audience: &str) -> u16 {
    let (cookie, csrf) = t.session(role).await.unwrap();
    let r = t
        .http
        .post(t.url("/analytics/publish"))
        .header("cookie", cookie)
        .form(&[("csrf", csrf.as_str()), ("scope", scope), ("audience", audience)])
        .send()
        .await
        .unwrap();
    r.status().as_u16()
}

/// The `d` of the meetings' path on the map.
fn meeting_path(html: &str) -> &str {
    let at = html.find("class=\"network-meetings\" d=\"").expect("the meetings' path") + 28;
    &html[at..at + html[at..].find('"').unwrap()]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_network_map_shows_projects_and_only_the_meetings_the_viewer_may_see() {
    on_every_backend(|t| async move {
        project_and_meeting(&t).await;
        let (status, html) = page(&t, "/analytics/network", "admin").await;
        assert_eq!(status, 200, "{}", t.label);
        for expect in [
            "role=\"group\" aria-labelledby=\"network-title network-desc\"",
            "<title id=\"network-title\">Collaboration network</title>",
            &format!("<a href=\"/organisations/{}\"><circle", t.sat),
            "<title>Soft Systems</title>",
            "<caption>The 50 organisations with the highest betweenness",
            "href=\"/analytics/network.csv\"",
            "<script src=\"/static/network.js\" defer></script>",
        ] {
            assert!(html.contains(expect), "{}: {expect:?} missing", t.label);
        }
        assert!(meeting_path(&html).starts_with('M'), "an admin sees the held meeting");
        // The manager of ICT neither organised the Space forum nor sat at the meeting.
        let (status, html) = page(&t, "/analytics/network", "manager_ict").await;
        assert_eq!(status, 200);
        assert_eq!(meeting_path(&html), "", "no meeting edge for the manager of ICT");
        for role in ["member_sat", "participant"] {
            assert_eq!(page(&t, "/analytics/network", role).await.0, 403, "{role}: not published");
        }
        assert_eq!(page(&t, "/analytics/network", "anonymous").await.0, 401);

        // The search works without JavaScript: matches listed and ringed.
        let (_, html) = page(&t, "/analytics/network?q=orbital&colour=community", "admin").await;
        assert!(html.contains("On the map (ringed in black):"), "{html}");
        assert!(html.contains("class=\"hit\""));
        assert!(html.contains("community 1"), "the community legend");
        let (_, html) = page(&t, "/analytics/network?q=nobody-by-that-name", "admin").await;
        assert!(html.contains("No organisation on the map has that name."));

        let (status, csv) = page(&t, "/analytics/network.csv", "admin").await;
        assert_eq!(status, 200);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("organisation,name,clusters,community,degree,betweenness"));
        assert_eq!(csv.lines().count(), 3, "{csv}");
        assert!(csv.contains(&format!("{},Orbital Sat Works,space,", t.sat)), "{csv}");

        let json: Value = t.api(Method::GET, "/analytics/network", "admin").send().await.unwrap().json().await.unwrap();
        assert_eq!(json["nodes"].as_array().unwrap().len(), 2);
        for n in json["nodes"].as_array().unwrap() {
            let (x, y) = (n["x"].as_f64().unwrap(), n["y"].as_f64().unwrap());
            assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y), "{n}");
            assert_eq!(n["degree"], 1);
        }
        let kinds: Vec<&str> = json["edges"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
        assert_eq!(kinds, ["project", "meeting"]);
        let json: Value =
            t.api(Method::GET, "/analytics/network", "manager_ict").send().await.unwrap().json().await.unwrap();
        assert!(json["edges"].as_array().unwrap().iter().all(|e| e["kind"] == "project"), "{json}");
        // The same map twice: the layout is seeded.
        let again: Value =
            t.api(Method::GET, "/analytics/network", "admin").send().await.unwrap().json().await.unwrap();
        assert_eq!(again["nodes"][0]["x"], json["nodes"][0]["x"]);

        // Published to the members: a side of the meeting sees it, the others see the projects.
        assert_eq!(publish(&t, "manager_space", "initiative", "members").await, 403);
        assert_eq!(publish(&t, "admin", "initiative", "members").await, 303);
        let (status, html) = page(&t, "/analytics/network", "member_sat").await;
        assert_eq!(status, 200);
        assert!(meeting_path(&html).starts_with('M'), "member_sat sat at the meeting");
        assert_eq!(page(&t, "/analytics/network", "participant").await.0, 403);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_dashboards_reach_their_readers_without_small_meeting_counts() {
    on_every_backend(|t| async move {
        project_and_meeting(&t).await;
        // Not published: another cluster's member is refused.
        assert_eq!(page(&t, "/clusters/space/analytics", "member_soft").await.0, 403);
        assert_eq!(publish(&t, "admin", "space", "public").await, 422, "a cluster is published to members only");
        assert_eq!(publish(&t, "admin", "space", "members").await, 303);
        let (_, html) = page(&t, "/clusters/space/analytics", "admin").await;
        assert!(html.contains("Who sees these figures") && html.contains("value=\"members\" selected"), "{html}");
        assert!(!html.contains("class=\"num\">fewer than 5<"), "an admin sees every count");

        let (status, html) = page(&t, "/clusters/space/analytics?from=2026&to=2026", "member_soft").await;
        assert_eq!(status, 200, "{}", t.label);
        assert!(html.contains("These figures are published to the members of the initiative."));
        assert!(html.contains("class=\"num\">fewer than 5<"), "one held meeting is withheld: {html}");
        assert!(!html.contains("Who sees these figures"), "no form for a reader");
        let rows: Value = t
            .api(Method::GET, "/analytics/kpis?cluster=space&from=2026&to=2026", "member_soft")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let held = rows.as_array().unwrap().iter().find(|r| r["kpi"] == "meetings_held_per_member").unwrap();
        assert!(held["value"].is_null() && held["fewer_than"] == 5, "{held}");
        let admin: Value = t
            .api(Method::GET, "/analytics/kpis?cluster=space&from=2026&to=2026", "admin")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let held = admin.as_array().unwrap().iter().find(|r| r["kpi"] == "meetings_held_per_member").unwrap();
        assert_eq!(held["value"], 1);
        assert!(held.get("fewer_than").is_none());
        // The funnel stays with the organisers.
        let funnel: Value = t
            .api(Method::GET, "/analytics/funnel?cluster=space", "member_soft")
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(funnel, Value::Array(vec![]));
        assert_eq!(page(&t, "/clusters/space/analytics", "participant").await.0, 403);
        assert_eq!(page(&t, "/clusters/ict/analytics", "member_soft").await.0, 403, "ict is not published");

        // The initiative to everyone, then back to admins only.
        assert_eq!(page(&t, "/analytics", "anonymous").await.0, 401);
        assert_eq!(publish(&t, "admin", "initiative", "public").await, 303);
        let (status, html) = page(&t, "/analytics?from=2024&to=2026", "anonymous").await;
        assert_eq!(status, 200);
        assert!(html.contains("The initiative, per year") && html.contains("published to everyone"));
        assert_eq!(publish(&t, "admin", "initiative", "").await, 303);
        assert_eq!(page(&t, "/analytics", "anonymous").await.0, 401);
        assert_eq!(page(&t, "/analytics", "member_sat").await.0, 403);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kpi_chart_compares_clusters_with_its_table_and_csv() {
    on_every_backend(|t| async move {
        project_and_meeting(&t).await;
        let (status, html) = page(&t, "/analytics?from=2024&to=2026&kpi=projects_started", "admin").await;
        assert_eq!(status, 200);
        for expect in [
            "aria-labelledby=\"chart-title chart-desc\"",
            "<title id=\"chart-title\">Projects started</title>",
            "Projects started per year from 2024 to 2026, 3 lines",
            "<option value=\"projects_started\" selected>",
            "<th scope=\"row\">the initiative</th><td class=\"num\">0</td><td class=\"num\">1</td><td class=\"num\">0</td>",
            "href=\"/analytics/chart.csv?from=2024&#38;to=2026&#38;kpi=projects_started\"",
        ] {
            assert!(html.contains(expect), "{}: {expect:?} missing", t.label);
        }
        let (status, csv) = page(&t, "/analytics/chart.csv?from=2024&to=2026&kpi=projects_started", "admin").await;
        assert_eq!(status, 200);
        assert!(csv.starts_with("cluster,year,kpi,value\n"), "{csv}");
        assert!(csv.contains("\n,2025,projects_started,1\n") && csv.contains("\nspace,2025,projects_started,1\n"), "{csv}");
        // Per locale: the budget in French.
        let (cookie, _) = t.session("admin").await.unwrap();
        let r = t
            .http
            .get(t.url("/analytics?from=2025&to=2025&kpi=flagship_common_budget_eur"))
            .header("cookie", format!("{cookie}; cb_lang=fr"))
            .header("accept-language", "fr")
            .send()
            .await
            .unwrap();
        let html = r.text().await.unwrap();
        assert!(html.contains("Indicateurs dans le temps"), "French page");
        t
    })
    .await;
}
