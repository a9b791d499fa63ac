//! The Cluster Forum as a participant lives it (issue 17), over HTTP on both engines: the
//! directory of whom to meet with its filters and the state of each request, the page of one's
//! requests with the undo of a pending one, a duplicate request that lands back with a message
//! (never a 405 on reload), error pages that know who is signed in, and a member's own
//! organisation never among its partner search results.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::Value;

async fn get(t: &TestApp, path: &str, cookie: &str) -> (u16, String) {
    let r = t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A form posted with this session; its status, `Location` and flash cookie (`name=value`).
async fn post(t: &TestApp, path: &str, cookie: &str, pairs: &[(&str, &str)]) -> (u16, String, String) {
    let r = t
        .http
        .post(t.url(path))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
    let flash = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("cb_flash="))
        .map(|v| v.split(';').next().unwrap().to_string())
        .unwrap_or_default();
    (r.status().as_u16(), location, flash)
}

/// The forum with Orbital Sat Works and Soft Systems registered; their participant ids.
async fn registered(t: &TestApp) -> (i64, i64) {
    crate::events::forum(t).await;
    let mut ids = Vec::new();
    for role in ["member_sat", "member_soft"] {
        let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
        let v: Value = r.json().await.unwrap();
        ids.push(v["participant"].as_i64().unwrap());
    }
    (ids[0], ids[1])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whom_to_meet_request_in_one_click_see_the_state_and_undo() {
    on_every_backend(|t| async move {
        let (_, soft) = registered(&t).await;
        let (session, csrf) = t.session("member_sat").await.unwrap();
        let dir = "/events/forum/participants";
        let (status, html) = get(&t, dir, &session).await;
        assert_eq!(status, 200, "{}", t.label);
        assert!(html.contains("Soft Systems") && html.contains("Request a meeting"), "{html}");
        assert!(!html.contains(r#"<h2>Orbital Sat Works</h2>"#), "not oneself");
        // Filters: by cluster, by text.
        assert!(get(&t, &format!("{dir}?cluster=ict"), &session).await.1.contains("<h2>Soft Systems</h2>"));
        assert!(!get(&t, &format!("{dir}?cluster=space"), &session).await.1.contains("<h2>Soft Systems</h2>"));
        assert!(!get(&t, &format!("{dir}?q=nothing+like+it"), &session).await.1.contains("<h2>Soft Systems</h2>"));

        // One click, message optional: back on the directory, which says so.
        let to = soft.to_string();
        let ask = [("csrf", csrf.as_str()), ("to", to.as_str()), ("message", ""), ("back", dir)];
        let (status, location, flash) = post(&t, "/events/forum/requests", &session, &ask).await;
        assert_eq!((status, location.as_str(), flash.as_str()), (303, dir, "cb_flash=meeting-sent"), "{}", t.label);
        let html = get(&t, dir, &session).await.1;
        assert!(html.contains("Request sent") && !html.contains("Request a meeting"), "{html}");
        assert!(!get(&t, &format!("{dir}?not_asked=1"), &session).await.1.contains("<h2>Soft Systems</h2>"));

        // The same request again lands back with a message; reloading either page is a page.
        let (status, location, flash) = post(&t, "/events/forum/requests", &session, &ask).await;
        assert_eq!((status, location.as_str()), (303, dir), "{}", t.label);
        assert!(flash.starts_with("cb_flash=meeting-not-sent."), "{flash}");
        let (status, html) = get(&t, dir, &format!("{session}; {flash}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Meeting request not sent: a request between you two is already open."), "{html}");
        let (status, html) = get(&t, "/events/forum/requests", &session).await;
        assert_eq!(status, 200, "GET on the form's address is the page of one's requests");
        assert!(html.contains("Sent (1)") && html.contains("Soft Systems") && html.contains(">sent<"), "{html}");

        // The one asked sees it received, with Accept and Decline; no undo of someone else's.
        let (soft_session, soft_csrf) = t.session("member_soft").await.unwrap();
        let html = get(&t, "/events/forum/requests", &soft_session).await.1;
        assert!(html.contains("Received (1)") && html.contains("/accept") && !html.contains("/withdraw"), "{html}");
        let dir_soft = get(&t, dir, &soft_session).await.1;
        assert!(dir_soft.contains("They asked you"), "{dir_soft}");

        // Undo while pending: withdrawn, and the directory offers the request again.
        let id = html.split("/meeting-requests/").nth(1).unwrap().split('/').next().unwrap().to_string();
        let undo = format!("/meeting-requests/{id}/withdraw");
        let (status, ..) = post(&t, &undo, &soft_session, &[("csrf", soft_csrf.as_str())]).await;
        assert_eq!(status, 403, "only the sender takes a request back");
        let (status, location, flash) = post(&t, &undo, &session, &[("csrf", csrf.as_str())]).await;
        assert_eq!(
            (status, location.as_str(), flash.as_str()),
            (303, "/events/forum/requests", "cb_flash=meeting-withdrawn")
        );
        assert!(get(&t, "/events/forum/requests", &session).await.1.contains(">withdrawn<"));
        assert!(get(&t, dir, &session).await.1.contains("Request a meeting"));
        let (status, ..) = post(&t, &undo, &session, &[("csrf", csrf.as_str())]).await;
        assert_eq!(status, 409, "no longer pending");
        t
    })
    .await;
}

/// 403 and 404 pages show the header of whoever is signed in (issue 17: every one showed
/// "Sign in" to signed-in users).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_pages_know_who_is_signed_in() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let (session, _) = t.session("member_sat").await.unwrap();
        for (path, code) in [("/organisations/999999", 404), ("/no/such/page", 404), ("/events/forum/organise", 403)] {
            let (status, html) = get(&t, path, &session).await;
            assert_eq!(status, code, "{path}");
            assert!(html.contains("member_sat@example.org") && html.contains("Sign out"), "{path}: {html}");
            assert!(!html.contains(r#"href="/login""#), "{path}");
            let (status, html) = get(&t, path, "").await;
            assert!(status == code || status == 401, "{path} anonymous: {status}");
            assert!(html.contains(r#"href="/login""#) && !html.contains("Sign out"), "{path}");
        }
        t
    })
    .await;
}

/// A member's own organisation is never among its partner search results, even when its
/// profile matches the search best.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_organisation_is_not_in_its_own_partner_search() {
    on_every_backend(|t| async move {
        let body = r#"{"name": "Orbital Sat Works", "kind": "company", "country": "LU", "offers": "Satellite ground stations and satellite testing"}"#;
        let r = t
            .api(Method::PUT, &format!("/organisations/{}", t.sat), "member_sat")
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_success(), "{}", r.text().await.unwrap());
        let ids = |v: Value| -> Vec<i64> {
            v["items"].as_array().unwrap().iter().filter_map(|i| i["organisation"]["id"].as_i64().or(i["id"].as_i64())).collect()
        };
        let q = "/partners?q=satellite+ground+stations+testing";
        let anonymous: Value = t.api(Method::GET, q, "anonymous").send().await.unwrap().json().await.unwrap();
        assert!(ids(anonymous.clone()).contains(&t.sat), "the profile matches: {anonymous}");
        let own: Value = t.api(Method::GET, q, "member_sat").send().await.unwrap().json().await.unwrap();
        assert!(!ids(own.clone()).contains(&t.sat), "{} : {own}", t.label);
        t
    })
    .await;
}

/// The agenda puts the programme and one's meetings on one timeline and words each meeting as
/// it stands: accepted but not placed is "waiting for a slot" (never "scheduled"); cancelling is
/// offered before the slot, feedback only after it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_says_where_each_meeting_stands_and_offers_what_makes_sense() {
    on_every_backend(|t| async move {
        let input = app::events::EventInput {
            slug: "forum".into(),
            name: "Cluster Forum".into(),
            starts_on: "2026-03-20".into(),
            clusters: vec!["space".into()],
            tables: 2,
            capacity: 100,
            ..Default::default()
        };
        let (sessions, errors) = app::events::parse_agenda("09:00-09:45 Welcome and keynote (keynote)");
        assert!(errors.is_empty(), "{errors:?}");
        let blocks = [app::events::ProgrammeBlock {
            session: "pm".into(),
            start: "14:00".into(),
            minutes: 20,
            count: 2,
            day: None,
        }];
        t.app.create_event(&domain::Actor::system(), &input, &sessions, &blocks).await.unwrap();
        let mut ids = Vec::new();
        for role in ["member_sat", "member_soft"] {
            let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
            ids.push(r.json::<Value>().await.unwrap()["participant"].as_i64().unwrap());
        }
        let r = t
            .api(Method::POST, "/events/forum/requests", "member_sat")
            .header("content-type", "application/json")
            .body(format!(r#"{{"to": {}}}"#, ids[1]))
            .send()
            .await
            .unwrap();
        let request = r.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let path = format!("/meeting-requests/{request}/accept");
        assert_eq!(t.api(Method::POST, &path, "member_soft").send().await.unwrap().status(), 204);
        let (session, _) = t.session("member_sat").await.unwrap();

        let html = get(&t, "/events/forum/agenda", &session).await.1;
        assert!(html.contains("accepted, waiting for a slot") && html.contains("No slot yet"), "{html}");
        assert!(!html.contains(">scheduled<") && !html.contains("not scheduled yet"), "{html}");
        assert!(html.contains("Cancel meeting") && !html.contains("Send feedback"), "{html}");
        assert!(html.contains("Welcome and keynote"), "the programme is on the timeline: {html}");

        let r = t.api(Method::POST, "/events/forum/schedule", "admin").send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", t.label);
        let html = get(&t, "/events/forum/agenda", &session).await.1;
        assert!(html.contains(">scheduled<") && html.contains("Cancel meeting"), "{html}");
        assert!(!html.contains("Send feedback") && !html.contains("waiting for a slot"), "{html}");
        let keynote = html.find("Welcome and keynote").unwrap();
        let meeting = html.find("Meeting with Soft Systems").unwrap();
        assert!(keynote < meeting, "the 09:00 keynote comes before the 14:00 meeting");

        // The day after: feedback, and no cancelling any more.
        t.clock.advance(chrono::Duration::days(20));
        let (session, _) = t.session("member_sat").await.unwrap();
        let html = get(&t, "/events/forum/agenda", &session).await.1;
        assert!(html.contains("slot over") && html.contains("Send feedback"), "{html}");
        assert!(!html.contains("Cancel meeting"), "{html}");
        t
    })
    .await;
}

/// A past event's organise page offers no scheduling (issue 17: the completed 2013 forum still
/// offered "Schedule all accepted meetings"); an upcoming one does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn past_events_offer_no_scheduling() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let input = app::events::EventInput {
            slug: "old".into(),
            name: "Forum of last year".into(),
            starts_on: "2025-03-20".into(),
            clusters: vec!["space".into()],
            tables: 2,
            capacity: 100,
            ..Default::default()
        };
        let blocks = [app::events::ProgrammeBlock {
            session: "pm".into(),
            start: "14:00".into(),
            minutes: 20,
            count: 2,
            day: None,
        }];
        t.app.create_event(&domain::Actor::system(), &input, &[], &blocks).await.unwrap();
        let (session, csrf) = t.session("manager_space").await.unwrap();
        // The console's schedule and tables sections (issue 17, item 3).
        let (status, html) = get(&t, "/events/old/organise/schedule", &session).await;
        assert_eq!(status, 200, "{}", t.label);
        assert!(html.contains("This event is over") && !html.contains(r#"action="/events/old/schedule""#), "{html}");
        assert!(!html.contains(r#"action="/events/old/what-if""#), "{html}");
        let html = get(&t, "/events/old/organise/tables", &session).await.1;
        assert!(!html.contains(r#"action="/events/old/tables""#), "{html}");
        // Nor does a run start from a form sent anyway.
        assert_eq!(post(&t, "/events/old/schedule", &session, &[("csrf", &csrf)]).await.0, 409);
        let html = get(&t, "/events/forum/organise/schedule", &session).await.1;
        assert!(html.contains(r#"action="/events/forum/schedule""#) && !html.contains("This event is over"));
        t
    })
    .await;
}

/// The consortium builder asks a number per kind, empty with placeholders (issue 17: the
/// example roles were pre-filled text, so typing added to them and failed); the numbers reach
/// the builder as roles.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_consortium_form_asks_numbers_per_kind() {
    on_every_backend(|t| async move {
        let (status, html) = get(&t, "/consortium", "").await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"name="n_sme" value="" placeholder="2""#), "{html}");
        assert!(!html.contains("university=1,sme=2"), "no text to type over");
        let (status, html) = get(&t, "/consortium?q=satellite+software&n_company=2&n_sme=&min_countries=1", "").await;
        assert_eq!(status, 200, "{html}");
        assert!(html.contains("Proposed team") && html.contains(r#"name="n_company" value="2""#), "{html}");
        let missing = html.split("Still missing:").nth(1).unwrap_or_default();
        assert!(
            missing.split("</p>").next().unwrap_or_default().contains("compan"),
            "the roles reached the builder: {html}"
        );
        t
    })
    .await;
}

/// Organisers and managers name an organisation as people know it, by name (issue 17: typing
/// `Luxembourg Institute of Science and Technology` gave "is not an organisation id"); the id
/// still works; a name several organisations match is named back with their ids.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisations_are_picked_by_name() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        for name in ["Alpha Works", "Alpha Labs"] {
            t.fresh_space_org(name).await;
        }
        let (session, csrf) = t.session("admin").await.unwrap();
        let add = |org: &'static str| {
            [("csrf", csrf.clone()), ("name", format!("Guest of {org}")), ("organisation", org.to_string())]
        };
        let post_form = |pairs: [(&'static str, String); 3]| {
            let rb = t
                .http
                .post(t.url("/events/forum/participants"))
                .header("cookie", &session)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(pairs).unwrap());
            async move {
                let r = rb.send().await.unwrap();
                (r.status().as_u16(), r.text().await.unwrap())
            }
        };
        assert_eq!(post_form(add("soft systems")).await.0, 303, "{}", t.label);
        assert_eq!(post_form(add("Alpha Labs")).await.0, 303, "an exact name among several hits");
        let (status, html) = post_form(add("alpha")).await;
        assert_eq!(status, 422);
        assert!(html.contains("2 organisations match `alpha`: Alpha"), "{html}");
        let (status, html) = post_form(add("Nobody Such")).await;
        assert_eq!(status, 422);
        assert!(html.contains("no organisation is named `Nobody Such`"), "{html}");
        let view = t.app.organiser_view(&domain::Actor::system(), "forum").await.unwrap();
        let names: Vec<&str> = view.participants.iter().map(|p| p.name.as_str()).collect();
        assert!(names.contains(&"Guest of soft systems") && names.contains(&"Guest of Alpha Labs"), "{names:?}");
        // The cluster page's member form takes a name too.
        let r = t
            .http
            .post(t.url("/clusters/ict/members"))
            .header("cookie", &session)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                serde_urlencoded::to_string([("csrf", csrf.as_str()), ("organisation", "Orbital Sat Works")]).unwrap(),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{}", t.label);
        t
    })
    .await;
}

/// The new-event form: a date input for the day, number inputs, and the clusters as checkboxes
/// (issue 17: dates and clusters were typed as text, "materials; space").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_event_form_has_a_date_input_and_cluster_checkboxes() {
    on_every_backend(|t| async move {
        let (session, csrf) = t.session("manager_space").await.unwrap();
        let (status, html) = get(&t, "/events/new", &session).await;
        assert_eq!(status, 200);
        assert!(html.contains(r#"<input type="date" id="f-starts_on""#), "{html}");
        assert!(html.contains(r#"type="number" min="0" step="1" id="f-tables""#), "{html}");
        assert!(html.contains(r#"name="clusters_space" value="space" checked"#), "a manager's own cluster is ticked");
        assert!(html.contains(r#"name="clusters_ict" value="ict">"#), "{html}");
        let fields = [
            ("csrf", csrf.as_str()),
            ("name", "Space day"),
            ("slug", "space-day"),
            ("starts_on", "2026-05-04"),
            ("clusters_space", "space"),
            ("tables", "4"),
            ("capacity", "50"),
            ("programme", "pm 14:00 20 3"),
        ];
        let (status, location, _) = post(&t, "/events/new", &session, &fields).await;
        assert_eq!((status, location.as_str()), (303, "/events/space-day/organise"), "{}", t.label);
        // Ticking Space linked the event to it: its manager organises it.
        assert_eq!(get(&t, "/events/space-day/organise", &session).await.0, 200);
        t
    })
    .await;
}
