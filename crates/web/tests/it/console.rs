//! The organisers' console over HTTP on both engines (issue 17, items 3 and 4): its sections
//! with their navigation, scheduling in the background with the result in plain words, a
//! what-if that publishes nothing, the desk finding a person by badge code and checking them in
//! (in place for htmx, with a message otherwise), approving the waiting list, and name badges
//! whose codes are random and unique.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::Value;

async fn get(t: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let r = t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A form posted with this session (`htmx`: as htmx sends it); its status, `Location`, whether
/// it leaves a flash message, and its body.
async fn post(
    t: &TestApp,
    path: &str,
    cookie: &str,
    pairs: &[(&str, &str)],
    htmx: bool,
) -> (u16, String, bool, String) {
    let mut rb = t
        .http
        .post(t.url(path))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap());
    if htmx {
        rb = rb.header("hx-request", "true");
    }
    let r = rb.send().await.unwrap();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
    let flash = r.headers().get_all("set-cookie").iter().any(|v| v.to_str().unwrap_or("").starts_with("cb_flash=f"));
    let flash = flash
        || r.headers().get_all("set-cookie").iter().any(|v| {
            let v = v.to_str().unwrap_or("");
            v.starts_with("cb_flash=") && !v.starts_with("cb_flash=;")
        });
    (r.status().as_u16(), location, flash, r.text().await.unwrap_or_default())
}

async fn api(t: &TestApp, method: Method, path: &str, role: &str, body: Option<&str>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

/// The forum with Orbital Sat Works and Soft Systems registered and a meeting accepted between
/// them; their participant ids.
async fn forum_with_a_meeting(t: &TestApp) -> (i64, i64) {
    crate::events::forum(t).await;
    for role in ["member_sat", "member_soft"] {
        assert_eq!(api(t, Method::POST, "/events/forum/register", role, None).await.0, 201);
    }
    let sat = api(t, Method::GET, "/events/forum", "member_sat", None).await.1["me"].as_i64().unwrap();
    let soft = api(t, Method::GET, "/events/forum", "member_soft", None).await.1["me"].as_i64().unwrap();
    let body = format!(r#"{{"to": {soft}}}"#);
    let (_, v) = api(t, Method::POST, "/events/forum/requests", "member_sat", Some(&body)).await;
    let request = v["id"].as_i64().unwrap();
    assert_eq!(api(t, Method::POST, &format!("/meeting-requests/{request}/accept"), "member_soft", None).await.0, 204);
    (sat, soft)
}

/// Waits for the event's scheduling run to end; the schedule section as it then is.
async fn run_ended(t: &TestApp, cookie: &str) -> String {
    for _ in 0..100 {
        let (status, html) = get(t, "/events/forum/organise/schedule", cookie).await;
        assert_eq!(status, 200, "{html}");
        if !html.contains("http-equiv=\"refresh\"") {
            return html;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("the scheduling run never ended");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_schedules_in_plain_words_and_a_what_if_publishes_nothing() {
    on_every_backend(|t| async move {
        forum_with_a_meeting(&t).await;
        let (cookie, csrf) = t.session("manager_space").await.unwrap();
        // Every section names the others, the current one marked.
        for (tail, title) in [
            ("", "In numbers"),
            ("/participants", "Name, organisation or badge code"),
            ("/requests", "Meeting requests"),
            ("/schedule", "What if"),
            ("/tables", "Tables per slot"),
            ("/round-tables", "Nobody has asked for a round table yet."),
            ("/printouts", "/events/forum/print/agendas"),
        ] {
            let (status, html) = get(&t, &format!("/events/forum/organise{tail}"), &cookie).await;
            assert_eq!(status, 200, "{tail}: {html}");
            assert!(html.contains(title), "{tail}: {html}");
            assert!(
                html.contains(&format!(r#"<a href="/events/forum/organise{tail}" aria-current="page">"#)),
                "{html}"
            );
            assert_eq!(html.matches("aria-current=\"page\"").count(), 1, "{tail}");
        }
        let html = get(&t, "/events/forum/organise", &cookie).await.1;
        assert!(html.contains("One accepted meeting has no slot yet"), "{html}");
        let html = get(&t, "/events/forum/organise/schedule", &cookie).await.1;
        assert!(html.contains("0 of 1 accepted meetings are placed. One is not placed, because:"), "{html}");

        // A what-if with one more table: measured against the plan, nothing written.
        let (status, location, flash, _) =
            post(&t, "/events/forum/what-if", &cookie, &[("csrf", &csrf), ("tables", "1"), ("slots", "0")], false)
                .await;
        assert_eq!((status, location.as_str(), flash), (303, "/events/forum/organise/schedule", true));
        let html = run_ended(&t, &cookie).await;
        assert!(
            html.contains("With one more table in every slot: 1 meetings placed instead of 0 (+1); none left out."),
            "{html}"
        );
        let (_, org) = api(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        assert_eq!(org["not_placed"].as_array().unwrap().len(), 1, "a what-if publishes nothing: {org}");
        let (status, _, _, html) =
            post(&t, "/events/forum/what-if", &cookie, &[("csrf", &csrf), ("tables", "many")], false).await;
        assert_eq!(status, 422, "{html}");

        // The real run publishes, and says so in words.
        let (status, location, ..) = post(&t, "/events/forum/schedule", &cookie, &[("csrf", &csrf)], false).await;
        assert_eq!((status, location.as_str()), (303, "/events/forum/organise/schedule"));
        let html = run_ended(&t, &cookie).await;
        assert!(html.contains(r#"<p class="result">The accepted meeting is placed.</p>"#), "{html}");
        let (_, org) = api(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        assert!(org["not_placed"].as_array().unwrap().is_empty(), "{org}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_desk_finds_badge_codes_checks_in_in_place_and_approves() {
    on_every_backend(|t| async move {
        let (sat, soft) = forum_with_a_meeting(&t).await;
        let (cookie, csrf) = t.session("manager_space").await.unwrap();
        // Badges: one per registered participant, each with its QR code and a random code.
        let (status, html) = get(&t, "/events/forum/print/badges", &cookie).await;
        assert_eq!(status, 200, "{html}");
        assert_eq!(html.matches(r#"<svg class="qr""#).count(), 2, "{html}");
        let codes: Vec<&str> =
            html.split(r#"<span class="badge-code">"#).skip(1).map(|s| s.split('<').next().unwrap()).collect();
        assert_eq!(codes.len(), 2);
        assert!(codes.iter().all(|c| c.len() == 16 && c.chars().all(|ch| ch.is_ascii_hexdigit())), "{codes:?}");
        assert_ne!(codes[0], codes[1]);
        // Stored: the same codes on the next print.
        let again = get(&t, "/events/forum/print/badges", &cookie).await.1;
        assert!(codes.iter().all(|c| again.contains(c)));

        // A scanner types the code (upper case, as the QR code holds it) and Enter.
        let (status, html) =
            get(&t, &format!("/events/forum/organise/participants?q={}", codes[0].to_uppercase()), &cookie).await;
        assert_eq!(status, 200);
        assert_eq!(html.matches(r#"<tr id="p-"#).count(), 1, "{html}");
        assert!(html.contains(r#"class="found""#) && html.contains("autofocus>Check in"), "{html}");
        // Half a code finds nobody.
        let html = get(&t, &format!("/events/forum/organise/participants?q={}", &codes[0][..8]), &cookie).await.1;
        assert!(html.contains("Nobody matches this search."), "{html}");

        // htmx checks in and swaps the row: no message left for a later page.
        let pairs = [("csrf", csrf.as_str()), ("participant", &sat.to_string()), ("present", "true"), ("q", "orbital")];
        let (status, location, flash, _) = post(&t, "/events/forum/check-in", &cookie, &pairs, true).await;
        assert_eq!((status, location.as_str(), flash), (303, "/events/forum/organise/participants?q=orbital", false));
        let html = get(&t, "/events/forum/organise/participants?q=orbital", &cookie).await.1;
        assert!(html.contains(&format!(r#"<tr id="p-{sat}">"#)) && html.contains("checked in"), "{html}");
        // Without JavaScript: the same, with the message.
        let pairs = [("csrf", csrf.as_str()), ("participant", &soft.to_string()), ("present", "true")];
        let (status, location, flash, _) = post(&t, "/events/forum/check-in", &cookie, &pairs, false).await;
        assert_eq!((status, location.as_str(), flash), (303, "/events/forum/organise/participants", true));
        let (_, org) = api(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        assert!(org["participants"].as_array().unwrap().iter().all(|p| p["checked_in"] == true), "{org}");

        // Approving the waiting list: past its capacity of one, a second guest waits.
        let input = app::events::EventInput {
            slug: "small".into(),
            name: "Small forum".into(),
            starts_on: "2026-05-20".into(),
            clusters: vec!["space".into()],
            tables: 1,
            capacity: 1,
            ..Default::default()
        };
        let blocks = [app::events::ProgrammeBlock {
            session: "pm".into(),
            start: "14:00".into(),
            minutes: 20,
            count: 2,
            day: None,
        }];
        let sys = domain::Actor::system();
        t.app.create_event(&sys, &input, &[], &blocks).await.unwrap();
        t.app.add_participant(&sys, "small", "First Guest", None, None).await.unwrap();
        let guest = t.app.add_participant(&sys, "small", "Second Guest", None, None).await.unwrap();
        let html = get(&t, "/events/small/organise", &cookie).await.1;
        assert!(html.contains("One person is on the waiting list"), "{html}");
        let pairs = [("csrf", csrf.as_str()), ("participant", &guest.to_string())];
        let (status, location, flash, _) = post(&t, "/events/small/approve", &cookie, &pairs, false).await;
        assert_eq!((status, location.as_str(), flash), (303, "/events/small/organise/participants", true));
        let (_, org) = api(&t, Method::GET, "/events/small/organise", "admin", None).await;
        let g = org["participants"].as_array().unwrap().iter().find(|p| p["id"] == guest.get()).cloned().unwrap();
        assert_eq!(g["status"], "registered", "{org}");
        t
    })
    .await;
}
