//! Meeting the other participants of a forum (issue 17, items 1 and 2), over HTTP on both
//! engines: the server's own rules on feedback (only once the slot is over) and cancelling (only
//! before it starts), whichever client asks.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::Value;

async fn call(t: &TestApp, method: Method, path: &str, role: &str, body: Option<&str>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let resp = rb.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// A form posted with `role`'s session: its status and body.
async fn post_form(t: &TestApp, path: &str, role: &str, pairs: &[(&str, &str)]) -> (u16, String) {
    let (cookie, csrf) = t.session(role).await.unwrap();
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(pairs);
    let r = t
        .http
        .post(t.url(path))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(&all).unwrap())
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// The forum (20 March, three slots from 14:00) with `member_sat`, `member_soft` and `admin`
/// registered, `member_sat` meeting each of the other two (accepted, not yet placed); the two
/// meetings' ids.
pub(crate) async fn two_meetings(t: &TestApp) -> (i64, i64) {
    crate::events::forum(t).await;
    let mut ids = Vec::new();
    for role in ["member_sat", "member_soft", "admin"] {
        let (_, v) = call(t, Method::POST, "/events/forum/register", role, None).await;
        ids.push(v["participant"].as_i64().unwrap());
    }
    for (to, to_role) in [(ids[1], "member_soft"), (ids[2], "admin")] {
        let (_, v) =
            call(t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {to}}}"#))).await;
        let rid = v["id"].as_i64().unwrap();
        assert_eq!(call(t, Method::POST, &format!("/meeting-requests/{rid}/accept"), to_role, None).await.0, 204);
    }
    let (_, agenda) = call(t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
    let m: Vec<i64> = agenda["items"].as_array().unwrap().iter().map(|i| i["meeting"].as_i64().unwrap()).collect();
    assert_eq!(m.len(), 2, "{agenda}");
    (m[0], m[1])
}

async fn feedback(t: &TestApp, meeting: i64, role: &str) -> (u16, Value) {
    let body = r#"{"outcome": "informative"}"#;
    call(t, Method::POST, &format!("/meetings/{meeting}/feedback"), role, Some(body)).await
}

async fn cancel(t: &TestApp, meeting: i64, role: &str) -> (u16, Value) {
    let body = r#"{"status": "cancelled"}"#;
    call(t, Method::POST, &format!("/meetings/{meeting}/status"), role, Some(body)).await
}

/// Feedback is refused (409, saying why) before the meeting's slot is over, and cancelling once
/// it has started, on the API and on the agenda's forms alike; someone who is not a side is
/// refused as before (403), whatever the time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feedback_after_the_slot_cancel_before_it() {
    on_every_backend(|t| async move {
        let (soft_meeting, admin_meeting) = two_meetings(&t).await;
        // Accepted, not placed: too early for feedback, not too late to cancel.
        let (status, v) = feedback(&t, soft_meeting, "member_sat").await;
        assert_eq!(status, 409, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("opens once its slot is over"), "{v}");
        let (status, html) =
            post_form(&t, &format!("/meetings/{soft_meeting}/feedback"), "member_soft", &[("outcome", "informative")])
                .await;
        assert_eq!(status, 409, "{html}");
        assert!(html.contains("opens once its slot is over"), "the page says why: {html}");
        assert_eq!(feedback(&t, soft_meeting, "manager_ict").await.0, 403, "not a side");
        assert_eq!(cancel(&t, soft_meeting, "manager_ict").await.0, 403, "not a side");

        assert_eq!(call(&t, Method::POST, "/events/forum/schedule", "admin", None).await.0, 200);
        // Placed, before its slot: cancelling works, and the calendar says so.
        assert_eq!(cancel(&t, admin_meeting, "member_sat").await.0, 204);
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        let ics = t.http.get(t.url(agenda["calendar"].as_str().unwrap())).send().await.unwrap().text().await.unwrap();
        assert!(ics.contains("STATUS:CANCELLED"), "{ics}");
        assert_eq!(feedback(&t, admin_meeting, "member_sat").await.0, 409, "nothing to give feedback on");

        // The day after: feedback opens, cancelling closes (for the sides; the desk still marks).
        t.clock.advance(chrono::Duration::days(20));
        let (status, v) = cancel(&t, soft_meeting, "member_soft").await;
        assert_eq!(status, 409, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("can no longer be cancelled"), "{v}");
        let (status, html) = post_form(&t, &format!("/meetings/{soft_meeting}/cancel"), "member_sat", &[]).await;
        assert_eq!(status, 409, "{html}");
        assert!(html.contains("can no longer be cancelled"), "{html}");
        assert_eq!(feedback(&t, soft_meeting, "member_sat").await.0, 204);
        let (status, _) =
            post_form(&t, &format!("/meetings/{soft_meeting}/feedback"), "member_soft", &[("outcome", "informative")])
                .await;
        assert_eq!(status, 303);
        assert_eq!(feedback(&t, soft_meeting, "manager_ict").await.0, 403, "still not a side");
        t
    })
    .await;
}
