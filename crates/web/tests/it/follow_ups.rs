//! Follow-ups of held meetings (issue 15, the funnel): recorded, changed and deleted by their
//! side only (the participant's account or a member account of its organisation), seen by the
//! two sides, the event's organisers and admins; clear 422s naming the field; the agenda's and
//! the partner page's forms (CSRF, post/redirect/get with a flash); the funnel counts them.

use crate::support::{on_every_backend, TestApp};
use domain::{Actor, MeetingId, OrganisationId, Role};
use reqwest::Method;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};

static EVENTS: AtomicUsize = AtomicUsize::new(0);

/// A new Space event on 10 February 2026 (before the tests' today, 1 March) with Orbital Sat
/// Works and Soft Systems added by the organisers (no accounts: the member accounts of the two
/// organisations are its sides) and a held meeting between them.
pub(crate) async fn held_meeting(t: &TestApp) -> (String, MeetingId) {
    let sys = Actor::system();
    let slug = format!("past-{}", EVENTS.fetch_add(1, Ordering::Relaxed));
    let input = app::events::EventInput {
        slug: slug.clone(),
        name: "Past forum".into(),
        starts_on: "2026-02-10".into(),
        clusters: vec!["space".into()],
        tables: 2,
        capacity: 50,
        ..Default::default()
    };
    t.app.create_event(&sys, &input, &[], &[]).await.unwrap();
    let sat = t.app.add_participant(&sys, &slug, "Orbital Sat Works", Some(OrganisationId::new(t.sat)), None);
    let sat = sat.await.unwrap();
    let soft = t.app.add_participant(&sys, &slug, "Soft Systems", Some(OrganisationId::new(t.soft)), None);
    let soft = soft.await.unwrap();
    let m = t.app.add_meeting(&sys, &slug, sat, soft, 1).await.unwrap();
    t.app.mark_meeting(&sys, m, "held").await.unwrap();
    (slug, m)
}

/// Orbital Sat Works' member account, as the app sees it.
fn sat_actor(t: &TestApp) -> Actor {
    Actor {
        email: "member_sat".into(),
        role: Some(Role::Member),
        organisation_id: Some(OrganisationId::new(t.sat)),
        ..Actor::default()
    }
}

/// A follow-up Orbital Sat Works recorded, on a new held meeting.
pub(crate) async fn sat_follow_up(t: &TestApp) -> i64 {
    let (_, m) = held_meeting(t).await;
    let input = domain::FollowUpInput { kind: "cooperation_started".into(), ..Default::default() };
    t.app.record_follow_up(&sat_actor(t), m, &input).await.unwrap().get()
}

async fn call(t: &TestApp, method: Method, path: &str, role: &str, body: Option<Value>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let r = rb.send().await.unwrap();
    (r.status().as_u16(), r.json().await.unwrap_or(Value::Null))
}

fn fields(v: &Value) -> Vec<String> {
    v["error"]["fields"]
        .as_array()
        .map(|a| a.iter().map(|f| f["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_ups_belong_to_their_side_and_are_seen_by_sides_and_organisers() {
    on_every_backend(|t| async move {
        let (slug, m) = held_meeting(&t).await;
        let path = format!("/meetings/{m}/follow-ups");
        // Clear 422s naming the field.
        for (body, field) in [
            (json!({"kind": "married"}), "kind"),
            (json!({"kind": "agreement_signed", "happened_on": "2026-02-09"}), "happened_on"),
            (json!({"kind": "agreement_signed", "happened_on": "2026-03-02"}), "happened_on"),
            (json!({"kind": "agreement_signed", "happened_on": "soon"}), "happened_on"),
            (json!({"kind": "agreement_signed", "note": "x".repeat(2001)}), "note"),
            (json!({"kind": "agreement_signed", "colour": "red"}), "colour"),
        ] {
            let (status, v) = call(&t, Method::POST, &path, "member_sat", Some(body.clone())).await;
            assert_eq!((status, fields(&v)), (422, vec![field.to_string()]), "{body} on {}: {v}", t.label);
        }
        let body = json!({"kind": "cooperation_started", "happened_on": "2026-02-20", "note": "Joint proposal"});
        let (status, v) = call(&t, Method::POST, &path, "member_sat", Some(body.clone())).await;
        assert_eq!(status, 201, "{v}");
        let id = v["id"].as_i64().unwrap();
        // One record per side and kind: the second is a conflict; the other side has its own.
        let (status, v) = call(&t, Method::POST, &path, "member_sat", Some(body.clone())).await;
        assert_eq!(status, 409, "{v}");
        assert!(v.to_string().contains("already"), "{v}");
        assert_eq!(call(&t, Method::POST, &path, "member_soft", Some(body)).await.0, 201);
        // Who sees: the sides, the event's organisers, admins.
        for (role, status) in [
            ("member_sat", 200),
            ("member_soft", 200),
            ("manager_space", 200),
            ("admin", 200),
            ("manager_ict", 403),
            ("participant", 403),
            ("anonymous", 401),
        ] {
            assert_eq!(call(&t, Method::GET, &path, role, None).await.0, status, "{role} on {}", t.label);
        }
        let (_, v) = call(&t, Method::GET, &path, "member_soft", None).await;
        assert_eq!(v["event"], slug.as_str());
        assert_eq!(v["day"], "2026-02-10");
        let items = v["items"].as_array().unwrap();
        assert_eq!(items.len(), 2, "{v}");
        let sat_item = items.iter().find(|i| i["id"] == id).unwrap();
        assert_eq!(sat_item["by"], "Orbital Sat Works");
        assert_eq!(sat_item["note"], "Joint proposal");
        assert_eq!(sat_item["editable"], false, "Soft Systems may not change Orbital's record");
        // Only the recording side changes or deletes it.
        let one = format!("/follow-ups/{id}");
        let change = json!({"kind": "agreement_signed", "happened_on": "2026-02-28", "note": "MoU signed"});
        for role in ["member_soft", "manager_space", "admin"] {
            assert_eq!(call(&t, Method::PUT, &one, role, Some(change.clone())).await.0, 403, "{role}");
            assert_eq!(call(&t, Method::DELETE, &one, role, None).await.0, 403, "{role}");
        }
        assert_eq!(call(&t, Method::PUT, &one, "anonymous", Some(change.clone())).await.0, 401);
        let (status, v) = call(
            &t,
            Method::PUT,
            &one,
            "member_sat",
            Some(json!({"kind": "agreement_signed", "happened_on": "2027-01-01"})),
        )
        .await;
        assert_eq!((status, fields(&v)), (422, vec!["happened_on".to_string()]));
        assert_eq!(call(&t, Method::PUT, &one, "member_sat", Some(change)).await.0, 204);
        let (_, v) = call(&t, Method::GET, &path, "member_sat", None).await;
        let sat_item = v["items"].as_array().unwrap().iter().find(|i| i["id"] == id).cloned().unwrap();
        assert_eq!(
            (sat_item["kind"].as_str(), sat_item["note"].as_str()),
            (Some("agreement_signed"), Some("MoU signed"))
        );
        // The funnel of the event counts the meeting as followed up.
        let (_, f) = call(&t, Method::GET, "/analytics/funnel", "admin", None).await;
        let row = f.as_array().unwrap().iter().find(|r| r["event"] == slug.as_str()).cloned().unwrap_or(f.clone());
        assert_eq!(row["follow_up"], 1, "{row}");
        assert_eq!(call(&t, Method::DELETE, &one, "member_sat", None).await.0, 204);
        assert_eq!(call(&t, Method::DELETE, &one, "member_sat", None).await.0, 404);
        // A meeting that was not held has no follow-ups.
        let sys = Actor::system();
        t.app.mark_meeting(&sys, m, "no_show").await.unwrap();
        let (status, v) = call(&t, Method::POST, &path, "member_sat", Some(json!({"kind": "agreement_signed"}))).await;
        assert_eq!(status, 409, "{v}");
        t
    })
    .await;
}

fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agenda_and_the_partner_page_record_follow_ups_with_a_flash() {
    on_every_backend(|t| async move {
        let (slug, m) = held_meeting(&t).await;
        let (session, csrf) = t.session("member_sat").await.unwrap();
        let page = |path: String, cookie: String| {
            let rb = t.http.get(t.url(&path)).header("cookie", cookie);
            async move { rb.send().await.unwrap().text().await.unwrap() }
        };
        // Soft Systems' page shows Orbital's account the meeting and the form; the ICT manager
        // (no side, not an organiser) sees no section.
        let partner = format!("/organisations/{}", t.soft);
        let html = page(partner.clone(), session.clone()).await;
        assert!(html.contains("Follow-ups of your meetings"), "{html}");
        assert!(html.contains(&format!(r#"action="/meetings/{m}/follow-ups""#)), "{html}");
        let (ict, _) = t.session("manager_ict").await.unwrap();
        assert!(!page(partner.clone(), ict).await.contains("Follow-ups of your meetings"));
        // A form without the CSRF token is refused; with it, post/redirect/get with a flash.
        let post = |path: String, form: Vec<(&'static str, String)>| {
            let rb = t
                .http
                .post(t.url(&path))
                .header("cookie", session.clone())
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(form).unwrap());
            async move { rb.send().await.unwrap() }
        };
        let form = |kind: &str| {
            vec![
                ("kind", kind.to_string()),
                ("happened_on", "2026-02-15".into()),
                ("note", "Pilot".into()),
                ("back", partner.clone()),
            ]
        };
        assert_eq!(post(format!("/meetings/{m}/follow-ups"), form("cooperation_started")).await.status(), 400);
        let mut with_csrf = form("cooperation_started");
        with_csrf.insert(0, ("csrf", csrf.clone()));
        let r = post(format!("/meetings/{m}/follow-ups"), with_csrf).await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], partner.as_str());
        let flash = set_cookie(&r, "cb_flash").unwrap();
        assert!(flash.starts_with("cb_flash=follow-up-saved;"), "{flash}");
        let html = page(partner.clone(), format!("{session}; {}", flash.split(';').next().unwrap())).await;
        assert!(html.contains(r#"<p class="flash" role="status">Follow-up saved.</p>"#), "{html}");
        assert!(html.contains("Cooperation started") && html.contains("Pilot"), "{html}");
        // A bad value on the form is a 422 page naming the field; a foreign `back` goes nowhere else.
        let mut bad = form("married");
        bad.insert(0, ("csrf", csrf.clone()));
        let r = post(format!("/meetings/{m}/follow-ups"), bad).await;
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("kind"));
        let (_, v) = call(&t, Method::GET, &format!("/meetings/{m}/follow-ups"), "member_sat", None).await;
        let id = v["items"][0]["id"].as_i64().unwrap();
        let r = post(
            format!("/follow-ups/{id}"),
            vec![("csrf", csrf.clone()), ("kind", "agreement_signed".into()), ("back", "https://evil.example/".into())],
        )
        .await;
        assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (303, "/events"));
        // The agenda shows it too, to a side registered from its account.
        assert_eq!(call(&t, Method::POST, &format!("/events/{slug}/register"), "member_sat", None).await.0, 201);
        let html = page(format!("/events/{slug}/agenda"), session.clone()).await;
        assert!(html.contains("Agreement signed") && html.contains("Soft Systems"), "{html}");
        let r = post(
            format!("/follow-ups/{id}/delete"),
            vec![("csrf", csrf.clone()), ("back", format!("/events/{slug}/agenda"))],
        )
        .await;
        assert_eq!(r.status(), 303);
        assert!(set_cookie(&r, "cb_flash").unwrap().starts_with("cb_flash=follow-up-deleted;"));
        assert!(page(format!("/events/{slug}/agenda"), session.clone()).await.contains("No follow-up recorded yet."));
        t
    })
    .await;
}
