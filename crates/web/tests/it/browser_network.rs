//! In Chromium: the collaboration network map (live search, the search form, a click through to
//! an organisation, zoom), a cluster dashboard an admin publishes and a member then reads, and
//! the KPI chart, at 1366 × 900 and on a 390 × 844 phone. Screenshots:
//! `target/screenshots/network-*.png`.

use crate::browser::{browser_with, phone, screenshots, sign_in, sign_out};
use crate::support::{spawn, TestApp};
use domain::{Actor, OrganisationId, ProjectInput};
use fantoccini::{Client, Locator};
use serde_json::json;
use store::testdb::TestDb;

/// Twenty-four organisations in chains of projects over four years, two of them Orbital Sat Works
/// and Soft Systems, so the map and the chart have something to show.
async fn registry(t: &TestApp) {
    let sys = Actor::system();
    let mut orgs = vec![OrganisationId::new(t.sat), OrganisationId::new(t.soft)];
    for i in 0..22 {
        let id = t.fresh_space_org(&format!("Partner {i:02} Sàrl")).await;
        orgs.push(OrganisationId::new(id));
    }
    for (k, pair) in orgs.windows(3).enumerate() {
        let input = ProjectInput {
            title: format!("Joint project {k}"),
            kind: "common".into(),
            start_date: Some(format!("{}-03-01", 2023 + k % 4)),
            ..Default::default()
        };
        let id = t.app.create_project(&sys, &input, &[]).await.unwrap();
        for &o in pair {
            t.app.set_partner(&sys, id, o, "participant").await.unwrap();
        }
    }
}

async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
}

async fn source_has(c: &Client, what: &[&str]) {
    let html = c.source().await.unwrap();
    for w in what {
        assert!(html.contains(w), "{w:?} missing from {}", c.current_url().await.unwrap());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_network_map_a_published_dashboard_and_the_chart_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser_with(json!({})).await else {
        t.stop().await;
        return;
    };
    registry(&t).await;
    c.set_window_size(1366, 900).await.unwrap();
    sign_in(&c, &t, "admin").await;
    c.goto(&t.url("/analytics/network")).await.unwrap();
    source_has(&c, &["<title id=\"network-title\">", "Most central organisations"]).await;
    // The script shows the zoom buttons; typing highlights and centres on a match.
    let tools = c.find(Locator::Css(".network-tools")).await.unwrap();
    assert!(tools.is_displayed().await.unwrap(), "network.js ran");
    shot(&c, "network-map-1366").await;
    c.find(Locator::Id("network-q")).await.unwrap().send_keys("orbital").await.unwrap();
    c.wait().for_element(Locator::Css("#network-map circle.hit")).await.unwrap();
    let view = c.find(Locator::Id("network-map")).await.unwrap().attr("viewBox").await.unwrap().unwrap();
    assert_ne!(view, "0 0 1000 1000", "the view centres on the match");
    shot(&c, "network-search-1366").await;
    // The form: the server lists the matches; the match's link opens the organisation.
    c.find(Locator::Css("form.network-search button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css(".network-matches a")).await.unwrap();
    c.find(Locator::Css(".network-matches a")).await.unwrap().click().await.unwrap();
    c.wait().for_url(&url::Url::parse(&t.url(&format!("/organisations/{}", t.sat))).unwrap()).await.unwrap();
    // A node of the map is a link too.
    c.goto(&t.url("/analytics/network")).await.unwrap();
    let node = format!("#network-map a[href='/organisations/{}'] circle", t.soft);
    c.find(Locator::Css(&node)).await.unwrap().click().await.unwrap();
    c.wait().for_url(&url::Url::parse(&t.url(&format!("/organisations/{}", t.soft))).unwrap()).await.unwrap();

    // The KPI chart with its table.
    c.goto(&t.url("/analytics?from=2023&to=2026&kpi=projects_started")).await.unwrap();
    source_has(&c, &["<title id=\"chart-title\">Projects started</title>", "chart.csv"]).await;
    c.execute("document.getElementById('chart').scrollIntoView();", vec![]).await.unwrap();
    shot(&c, "network-chart-1366").await;

    // The admin publishes Space's dashboard to the members; a member of ICT reads it.
    c.goto(&t.url("/clusters/space/analytics")).await.unwrap();
    c.find(Locator::Css("select#audience option[value='members']")).await.unwrap().click().await.unwrap();
    c.find(Locator::Css("form.publish button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
    source_has(&c, &["Who sees these figures was saved."]).await;
    sign_out(&c).await;
    sign_in(&c, &t, "member_soft").await;
    c.goto(&t.url("/clusters/space/analytics?from=2023&to=2026")).await.unwrap();
    source_has(&c, &["These figures are published to the members of the initiative.", "KPIs over time"]).await;
    shot(&c, "network-published-dashboard-1366").await;
    c.close().await.unwrap();

    // On a phone: the map fits the width and still links; the published dashboard reads.
    let Some((p, _driver)) = phone().await else {
        t.stop().await;
        return;
    };
    sign_in(&p, &t, "admin").await;
    p.goto(&t.url("/analytics/network?q=partner+01")).await.unwrap();
    source_has(&p, &["class=\"hit\""]).await;
    let wide: f64 = p
        .execute("return document.getElementById('network-map').getBoundingClientRect().right;", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(wide <= 390.0, "the map fits the phone: {wide}");
    shot(&p, "network-map-390").await;
    p.goto(&t.url("/analytics?from=2023&to=2026")).await.unwrap();
    shot(&p, "network-chart-390").await;
    sign_out(&p).await;
    sign_in(&p, &t, "member_soft").await;
    p.goto(&t.url("/clusters/space/analytics?from=2023&to=2026")).await.unwrap();
    source_has(&p, &["These figures are published to the members of the initiative."]).await;
    shot(&p, "network-published-dashboard-390").await;
    p.close().await.unwrap();
    t.stop().await;
}
