//! The forum report (`/events/{slug}/report`, issue 15 item 5): full for the event's organisers
//! and admins, a summary without per-meeting data and with small counts blurred for any other
//! account, nothing for anonymous visitors; and the 2013 forum's report of the Luxembourg demo in
//! Chromium at 1366 and 390 px (screenshots `report-2013-{admin,member}-{1366,390}.png`) and as
//! printed to A4 (`report-2013.pdf`, a few pages).

use crate::browser::{browser_with, print_pdf, screenshots};
use crate::follow_ups::held_meeting;
use crate::support::{on_every_backend, TestApp};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use store::testdb::TestDb;

async fn page(t: &TestApp, path: &str, role: &str) -> (u16, String) {
    let rb = t.http.get(t.url(path));
    let rb = match t.session(role).await {
        Some((cookie, _)) => rb.header("cookie", cookie),
        None => rb,
    };
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_is_full_for_organisers_and_a_summary_for_others() {
    on_every_backend(|t| async move {
        let (slug, m) = held_meeting(&t).await;
        let sat = domain::Actor {
            email: "member_sat".into(),
            role: Some(domain::Role::Member),
            organisation_id: Some(domain::OrganisationId::new(t.sat)),
            ..domain::Actor::default()
        };
        let input = domain::FollowUpInput { kind: "agreement_signed".into(), ..Default::default() };
        t.app.record_follow_up(&sat, m, &input).await.unwrap();
        let path = format!("/events/{slug}/report");
        for role in ["manager_space", "admin"] {
            let (status, html) = page(&t, &path, role).await;
            assert_eq!(status, 200, "{role} on {}", t.label);
            assert!(html.contains("The full report"), "{role}");
            // The meeting crossed Space and ICT; Orbital recorded an agreement with Soft Systems.
            assert!(
                html.contains(r#"id="pairs""#) && html.contains("<td>ICT</td><td>Space</td><td class=\"num\">1</td>"),
                "{html}"
            );
            assert!(
                html.contains(r#"id="follow-ups""#)
                    && html.contains("<td>Orbital Sat Works</td><td>Soft Systems</td><td>Agreement signed</td>"),
                "{html}"
            );
            assert!(!html.contains("fewer than 5"));
        }
        for role in ["member_soft", "manager_ict", "participant"] {
            let (status, html) = page(&t, &path, role).await;
            assert_eq!(status, 200, "{role} on {}", t.label);
            assert!(html.contains("The summary for members"), "{role}");
            // One held meeting: blurred, and nothing names it.
            assert!(html.contains("fewer than 5"), "{role}: {html}");
            for hidden in
                [r#"id="pairs""#, r#"id="follow-ups""#, r#"id="joint-projects""#, "Orbital Sat Works", "Soft Systems"]
            {
                assert!(!html.contains(hidden), "{role} sees {hidden}");
            }
            // Participants are counted exactly: the event's page lists them anyway.
            assert!(html.contains("<dt>Participants</dt><dd>2</dd>"), "{role}: {html}");
        }
        assert_eq!(page(&t, &path, "anonymous").await.0, 401);
        assert_eq!(page(&t, "/events/no-such-event/report", "admin").await.0, 404);
        t
    })
    .await;
}

/// Signs in with an e-mail and the demo's password.
async fn demo_sign_in(c: &Client, base: &str, who: &str) {
    c.delete_all_cookies().await.unwrap();
    c.goto(&format!("{base}/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys(who).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(app::demo::DEMO_PASSWORD).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_2013_forum_report_in_chromium_and_printed() {
    let db = TestDb::sqlite().await.unwrap();
    let app = app::App::new(db.store.clone(), std::sync::Arc::new(app::FixedClock::at(crate::support::NOW)));
    assert!(app.load_demo().await.unwrap().loaded);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::serve(app.clone(), web::Options::default(), listener, async {
        let _ = stopped.await;
    }));
    let Some((c, _driver)) = browser_with(json!({})).await else {
        let _ = stop.send(());
        return;
    };
    let path = "/events/cluster-forum-2013/report";
    for (who, name, expect) in [
        (
            "admin@demo.example.org",
            "admin",
            &[
                "The full report",
                "Follow-ups recorded",
                "Joint projects found afterwards",
                "Meetings held across clusters, by pair of clusters",
            ][..],
        ),
        ("member@demo.example.org", "member", &["The summary for members", "Who came", "What followed"][..]),
    ] {
        demo_sign_in(&c, &base, who).await;
        for width in [1366u32, 390] {
            c.set_window_size(width, 900).await.unwrap();
            c.goto(&format!("{base}{path}")).await.unwrap();
            c.wait().for_element(Locator::Css("main h1")).await.unwrap();
            let tall: Value = c.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap();
            c.set_window_size(width, tall.as_u64().unwrap_or(900).clamp(900, 9000) as u32).await.unwrap();
            let shot = format!("report-2013-{name}-{width}");
            std::fs::write(screenshots().join(format!("{shot}.png")), c.screenshot().await.unwrap()).unwrap();
            let text = c.find(Locator::Css("main")).await.unwrap().text().await.unwrap();
            for e in expect {
                assert!(text.contains(e), "{shot}: no {e:?}");
            }
            let overflow: Value = c
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await
                .unwrap();
            assert_eq!(overflow, json!(0), "{shot}: the page scrolls sideways");
            // Every chart's bars have a table of numbers beside them, read by screen readers.
            let charts: Value = c
                .execute("return [...document.querySelectorAll('table.report-bars')].map(t => t.querySelectorAll('tbody td.num').length)", vec![])
                .await
                .unwrap();
            assert!(charts.as_array().unwrap().iter().all(|n| n.as_u64().unwrap() > 0), "{shot}: {charts}");
        }
        if name == "admin" {
            // Follow-ups of the demo's 2013 forum are there, and the report prints to a few A4 pages.
            let rows: Value =
                c.execute("return document.querySelectorAll('#follow-ups tbody tr').length", vec![]).await.unwrap();
            assert!(rows.as_u64().unwrap() >= 5, "demo follow-ups: {rows}");
            c.set_window_size(1366, 900).await.unwrap();
            let pages = print_pdf(&c, "report-2013").await;
            assert!((1..=6).contains(&pages), "the 2013 report prints to {pages} A4 pages");
        }
    }
    c.close().await.unwrap();
    let _ = stop.send(());
    let _ = server.await;
    db.cleanup().await.unwrap();
}
