//! The demo manager runs the upcoming Cluster Forum of the Luxembourg demo from the organisers'
//! console, in Chromium (issue 17, items 3 and 4): the overview, a scheduling run shown while it
//! runs (a second click answers "already running") and ending in plain words with every meeting
//! not placed and its remedy, a what-if with more tables that publishes nothing, check-in by
//! name and by the badge's code typed as a USB scanner types it, the round tables, and the print
//! views (the name badges printed to PDF, eight to a page). Each step is photographed at
//! 1366 × 900 and 390 × 844: `target/screenshots/console-{step}-{1366,390}.png`.

use crate::browser::{browser_with, check, print_pdf, screenshots};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use std::time::Duration;
use store::testdb::TestDb;

const FORUM: &str = "/events/cluster-forum-next";

/// The page now at both widths, checked at 1366 px (no console error, `expect` shown).
async fn step(c: &Client, name: &str, expect: &[&str]) {
    c.set_window_size(1366, 900).await.unwrap();
    check(c, &format!("console-{name}-1366"), name, expect).await;
    c.set_window_size(390, 844).await.unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("console-{name}-390.png")), png).unwrap();
    let wide: Value = c
        .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
        .await
        .unwrap();
    assert_eq!(wide, json!(0), "console-{name} scrolls sideways at 390 px");
    c.set_window_size(1366, 900).await.unwrap();
}

/// The text of the first element matching `css`.
async fn text(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css)).await.unwrap().text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_manager_runs_the_upcoming_forum_from_the_console() {
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
    let url = |path: &str| format!("{base}{path}");
    c.set_window_size(1366, 900).await.unwrap();
    c.goto(&url("/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys("manager@demo.example.org").await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(app::demo::DEMO_PASSWORD).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();

    // The overview: the forum in numbers and what to do next.
    c.goto(&url(&format!("{FORUM}/organise"))).await.unwrap();
    step(&c, "overview", &["In numbers", "accepted meetings have no slot yet: schedule the meetings."]).await;

    // Scheduling runs in the background: while it runs the page says so and refreshes itself,
    // and a second click is answered "already running". The demo's run often ends before the
    // page is back (a fraction of a second), so both are photographed when seen; the refusal
    // itself is tested deterministically in `app::events::runs`.
    c.goto(&url(&format!("{FORUM}/organise/schedule"))).await.unwrap();
    c.find(Locator::Css("form[action$='/schedule'] button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("p.result")).await.unwrap();
    if let Ok(p) = c.find(Locator::Css("p.running")).await {
        let running = p.text().await.unwrap_or_default();
        assert!(running.is_empty() || running.starts_with("Scheduling is running… best so far"), "{running}");
        let png = c.screenshot().await.unwrap();
        std::fs::write(screenshots().join("console-schedule-running-1366.png"), png).unwrap();
        c.find(Locator::Css("form[action$='/schedule'] button")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("p.result")).await.unwrap();
        if let Ok(e) = c.find(Locator::Css("div.errors")).await {
            let refused = e.text().await.unwrap_or_default();
            assert!(refused.contains("a scheduling run is already running for this event"), "{refused}");
            check(&c, "console-schedule-twice-errors", "schedule twice", &[]).await;
        }
    }
    // The result, in plain words, with every meeting not placed and what would place it.
    c.goto(&url(&format!("{FORUM}/organise/schedule"))).await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(60))
        .every(Duration::from_millis(500))
        .for_element(Locator::XPath(
            "//p[@class='result' and contains(text(), 'meetings that can be held are placed')]",
        ))
        .await
        .unwrap();
    let result = text(&c, "p.result").await;
    let not_placed = c.find_all(Locator::Css("ul.not-placed li")).await.unwrap().len();
    assert!(not_placed > 0, "{result}");
    assert!(result.contains(&format!("{not_placed} cannot be, because")), "{result} / {not_placed}");
    step(&c, "schedule-result", &["It would be placed if", "Not placed"]).await;

    // What if there were two more tables in every slot: compared with the plan (the two left
    // out need a person's availability, so tables change nothing), and nothing is published.
    let tables = c.find(Locator::Css("form.what-if input[name='tables']")).await.unwrap();
    tables.clear().await.unwrap();
    tables.send_keys("2").await.unwrap();
    c.find(Locator::Css("form.what-if button")).await.unwrap().click().await.unwrap();
    c.wait()
        .at_most(Duration::from_secs(60))
        .every(Duration::from_millis(500))
        .for_element(Locator::Css("div.what-if-result"))
        .await
        .unwrap();
    let what_if = text(&c, "div.what-if-result p").await;
    assert!(what_if.starts_with("With 2 more tables in every slot:"), "{what_if}");
    assert!(what_if.contains("(no change)") && what_if.contains("Nothing has been published"), "{what_if}");
    assert_eq!(text(&c, "p.result").await, result, "the plan is unchanged");
    step(&c, "what-if", &["instead of"]).await;

    // The desk: a person found by name, checked in in place (htmx, no reload).
    c.goto(&url(&format!("{FORUM}/organise/participants"))).await.unwrap();
    let first = text(&c, "table.desk tbody tr td").await;
    let word = first.split_whitespace().next().unwrap().to_string();
    c.find(Locator::Id("desk-q")).await.unwrap().send_keys(&format!("{word}\n")).await.unwrap();
    c.wait().for_element(Locator::Css("a[href$='/organise/participants']")).await.unwrap();
    c.execute("window.__same_page = true", vec![]).await.unwrap();
    c.find(Locator::XPath("//table[contains(@class,'desk')]//button[text()='Check in']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::XPath("//span[contains(@class, 'badge') and text()='checked in']")).await.unwrap();
    let same: Value = c.execute("return window.__same_page === true", vec![]).await.unwrap();
    assert_eq!(same, json!(true), "the row changed in place, the page was not reloaded");
    step(&c, "check-in-by-name", &["checked in", "Undo"]).await;

    // By the badge's code, as a USB scanner types it (upper case, then Enter).
    c.goto(&url(&format!("{FORUM}/print/badges"))).await.unwrap();
    let badges = c.find_all(Locator::Css("section.name-badge")).await.unwrap().len();
    let name = text(&c, "section.name-badge:nth-of-type(3) .badge-name").await;
    let code = text(&c, "section.name-badge:nth-of-type(3) .badge-code").await;
    step(&c, "badges", &["Name badges", "<svg class=\"qr\""]).await;
    let pages = print_pdf(&c, "console-badges").await;
    assert_eq!(pages, badges.div_ceil(8), "{badges} badges, eight to an A4 page");
    c.goto(&url(&format!("{FORUM}/organise/participants"))).await.unwrap();
    c.find(Locator::Id("desk-q")).await.unwrap().send_keys(&format!("{}\n", code.to_uppercase())).await.unwrap();
    c.wait().for_element(Locator::Css("tr.found")).await.unwrap();
    assert_eq!(c.find_all(Locator::Css("table.desk tbody tr")).await.unwrap().len(), 1);
    assert_eq!(text(&c, "tr.found td").await, name);
    step(&c, "check-in-by-code", &["Check in"]).await;
    c.find(Locator::Css("tr.found button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//tr[contains(@class,'found')]//span[text()='checked in']")).await.unwrap();
    step(&c, "checked-in-by-code", &["checked in"]).await;

    // Round tables, the table plan and the printouts.
    c.goto(&url(&format!("{FORUM}/organise/round-tables"))).await.unwrap();
    step(&c, "round-tables", &["Shared themes:"]).await;
    c.goto(&url(&format!("{FORUM}/organise/tables"))).await.unwrap();
    step(&c, "tables", &["Tables per slot", "Mark"]).await;
    c.goto(&url(&format!("{FORUM}/organise/printouts"))).await.unwrap();
    step(&c, "printouts", &["/print/agendas", "/print/badges", "/print/table-plan"]).await;
    c.goto(&url(&format!("{FORUM}/print/table-plan"))).await.unwrap();
    let slots = c.find_all(Locator::Css("section.print-slot")).await.unwrap().len();
    step(&c, "table-plan", &["Table plan"]).await;
    assert_eq!(print_pdf(&c, "console-table-plan").await, slots, "one page per slot");

    c.close().await.unwrap();
    let _ = stop.send(());
    let _ = server.await;
}
