//! The participant's journey of issue 17 in Chromium, at 1366 × 900 and on a phone (390 × 844):
//! Orbital Sat Works finds Soft Systems among its suggestions for the forum, with the reasons,
//! requests a meeting in one click; Soft Systems accepts and adds a video link once the meeting
//! is placed; Orbital's agenda shows the meeting with the link. Then the organisers' printout of
//! every personal agenda, rendered as a PDF: one page per participant. Screenshots:
//! `target/screenshots/meet-{suggested,requested,accepted,video,agenda}-{1366,390}.png`,
//! `meet-print-agendas.png` and `.pdf`; the organisation picker's live search, `meet-picker-390.png`.

use crate::browser::{browser_with, phone, print_pdf, screenshots, sign_in, sign_out};
use crate::meet::profile;
use crate::support::{spawn, TestApp};
use fantoccini::{Client, Locator};
use reqwest::Method;
use serde_json::{json, Value};
use store::testdb::TestDb;

/// The forum with Orbital, Soft Systems and a Space peer registered, their profiles filled in so
/// that the matchmaker has something to go on; Soft Systems' participant id.
async fn fixture(t: &TestApp) -> i64 {
    crate::events::forum(t).await;
    let telemetry = "Data analytics software for satellite telemetry and ground station monitoring";
    profile(t, t.sat, "Orbital Sat Works", "Satellite ground stations", telemetry).await;
    profile(t, t.soft, "Soft Systems", telemetry, "").await;
    let mut soft = 0;
    for role in ["member_sat", "member_soft", "admin"] {
        let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
        let v: Value = r.json().await.unwrap();
        if role == "member_soft" {
            soft = v["participant"].as_i64().unwrap();
        }
    }
    soft
}

async fn shot(c: &Client, name: &str) {
    std::fs::write(screenshots().join(format!("{name}.png")), c.screenshot().await.unwrap()).unwrap();
}

async fn shows(c: &Client, what: &[&str]) {
    let html = c.source().await.unwrap();
    for w in what {
        assert!(html.contains(w), "the page should show {w:?}:\n{}", &html[html.find("<main").unwrap_or(0)..]);
    }
}

/// Scrolls `css` into view and clicks it (a phone's page is long).
async fn click(c: &Client, css: &str) {
    let e = c.find(Locator::Css(css)).await.unwrap();
    c.execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&e).unwrap()]).await.unwrap();
    e.click().await.unwrap();
}

async fn journey(c: &Client, t: &TestApp, width: u32) {
    let soft = fixture(t).await;
    sign_in(c, t, "member_sat").await;
    c.goto(&t.url("/events/forum/participants")).await.unwrap();
    shows(c, &["Suggested for you", "In none of your clusters", "another cluster"]).await;
    let card = format!("#s{soft}");
    c.find(Locator::Css(&format!("{card} h3"))).await.unwrap();
    shot(c, &format!("meet-suggested-{width}")).await;
    c.find(Locator::Id(&format!("ms{soft}")))
        .await
        .unwrap()
        .send_keys("Telemetry analytics for our stations?")
        .await
        .unwrap();
    click(c, &format!("{card} form.ask button[type=submit]")).await;
    c.wait().for_element(Locator::Css(&format!("{card} form.undo"))).await.unwrap();
    shows(c, &["Meeting request sent.", "Request sent", "Withdraw request"]).await;
    shot(c, &format!("meet-requested-{width}")).await;
    sign_out(c).await;

    sign_in(c, t, "member_soft").await;
    c.goto(&t.url("/events/forum/requests")).await.unwrap();
    shows(c, &["Orbital Sat Works", "Telemetry analytics for our stations?"]).await;
    click(c, "form[action$='/accept'] button").await;
    c.wait().for_element(Locator::XPath("//*[contains(text(), 'accepted')]")).await.unwrap();
    shot(c, &format!("meet-accepted-{width}")).await;
    let r = t.api(Method::POST, "/events/forum/schedule", "admin").send().await.unwrap();
    assert_eq!(r.status(), 200);
    c.goto(&t.url("/events/forum/agenda")).await.unwrap();
    click(c, "details.video-form summary").await;
    let link = "https://meet.example.org/orbital-soft";
    c.find(Locator::Css("details.video-form input[type=url]")).await.unwrap().send_keys(link).await.unwrap();
    click(c, "details.video-form button[type=submit]").await;
    c.wait().for_element(Locator::Css(".timeline .video a")).await.unwrap();
    shows(c, &["Video link saved"]).await;
    shot(c, &format!("meet-video-{width}")).await;
    sign_out(c).await;

    sign_in(c, t, "member_sat").await;
    c.goto(&t.url("/events/forum/agenda")).await.unwrap();
    shows(c, &["Meeting with Soft Systems", "Join the video call", link, "scheduled"]).await;
    let href = c.find(Locator::Css(".timeline .video a")).await.unwrap().attr("href").await.unwrap();
    assert_eq!(href.as_deref(), Some(link));
    shot(c, &format!("meet-agenda-{width}")).await;
    sign_out(c).await;
}

/// The organisation picker on a cluster page suggests organisations by name as one types (a
/// `<datalist>`, so the arrow keys and Enter choose); the choice adds that organisation.
async fn picker(c: &Client, t: &TestApp) {
    sign_in(c, t, "admin").await;
    c.goto(&t.url("/clusters/ict")).await.unwrap();
    let input = c.find(Locator::Id("add-member")).await.unwrap();
    input.send_keys("Orbital").await.unwrap();
    let choice = format!("Orbital Sat Works ({})", t.sat);
    let option = c.wait().for_element(Locator::Css(&format!("datalist option[value='{choice}']"))).await.unwrap();
    assert!(option.attr("label").await.unwrap().unwrap_or_default().ends_with("LU"), "its country beside it");
    shot(c, "meet-picker-390").await;
    input.clear().await.unwrap();
    input.send_keys(&choice).await.unwrap();
    input.send_keys("\u{E007}").await.unwrap();
    c.wait().for_element(Locator::Css(&format!("table a[href='/organisations/{}']", t.sat))).await.unwrap();
    shows(c, &["Orbital Sat Works"]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_participant_finds_a_suggested_partner_meets_them_and_sees_the_agenda() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, driver)) = browser_with(json!({})).await else {
        t.stop().await;
        return;
    };
    c.set_window_size(1366, 900).await.unwrap();
    journey(&c, &t, 1366).await;

    // Every participant's agenda in one print job: one printed page each.
    sign_in(&c, &t, "manager_space").await;
    c.goto(&t.url("/events/forum/print/agendas")).await.unwrap();
    shows(&c, &["Personal agendas", "Meeting with Orbital Sat Works", "Meeting with Soft Systems"]).await;
    shot(&c, "meet-print-agendas").await;
    let registered = c.find_all(Locator::Css("section.print-agenda")).await.unwrap().len();
    assert_eq!(registered, 3);
    assert_eq!(print_pdf(&c, "meet-print-agendas").await, registered, "one printed page per participant");
    c.close().await.unwrap();
    drop(driver);
    t.stop().await;

    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let (c, _driver) = phone().await.unwrap();
    journey(&c, &t, 390).await;
    picker(&c, &t).await;
    c.close().await.unwrap();
    t.stop().await;
}
