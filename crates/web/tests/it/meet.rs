//! Meeting the other participants of a forum (issue 17, items 1 and 2), over HTTP on both
//! engines: the server's own rules on feedback (only once the slot is over) and cancelling (only
//! before it starts), whichever client asks.

use crate::events::call;
use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::Value;

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

pub(crate) async fn profile(t: &TestApp, id: i64, name: &str, offers: &str, needs: &str) {
    let body = serde_json::json!({"name": name, "kind": "company", "country": "LU", "offers": offers, "needs": needs});
    let r = t
        .api(Method::PUT, &format!("/organisations/{id}"), "admin")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success(), "{}", r.text().await.unwrap());
}

async fn get(t: &TestApp, path: &str, cookie: &str) -> String {
    t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap().text().await.unwrap()
}

/// The part of the directory page with the suggestions.
fn suggested(html: &str) -> &str {
    let from = html.find(r#"id="suggested""#).unwrap_or(html.len());
    let to = html.find("Everyone at this event").unwrap_or(html.len());
    &html[from..to.max(from)]
}

/// The directory suggests whom to meet among this event's participants only, with reasons,
/// another cluster first; a suggestion is requested in one click, then shows its state and the
/// undo, which withdraws it and lands back on the directory.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_suggests_participants_with_reasons_other_clusters_first() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let telemetry = "Data analytics software for satellite telemetry and ground station monitoring";
        profile(&t, t.sat, "Orbital Sat Works", "Satellite ground stations", telemetry).await;
        profile(&t, t.soft, "Soft Systems", telemetry, "").await;
        let peer = t.fresh_space_org("Telemetry Peers").await;
        profile(&t, peer, "Telemetry Peers", telemetry, "").await;
        let absent = t.fresh_space_org("Telemetry Elsewhere").await;
        profile(&t, absent, "Telemetry Elsewhere", telemetry, "").await;
        for role in ["member_sat", "member_soft"] {
            assert_eq!(t.api(Method::POST, "/events/forum/register", role).send().await.unwrap().status(), 201);
        }
        let r = t
            .api(Method::POST, "/events/forum/participants", "admin")
            .header("content-type", "application/json")
            .body(format!(r#"{{"name": "Pat Peer", "organisation": {peer}}}"#))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 201);

        let (session, csrf) = t.session("member_sat").await.unwrap();
        let dir = "/events/forum/participants";
        let html = get(&t, dir, &session).await;
        let s = suggested(&html);
        assert!(s.contains("Suggested for you"), "{html}");
        let (soft, pat) = (s.find("Soft Systems").unwrap(), s.find("Pat Peer").unwrap());
        assert!(soft < pat, "another cluster first: {s}");
        assert!(s.contains("In none of your clusters") && s.contains("another cluster"), "{s}");
        assert!(s.contains("Its work mentions") && s.contains("analytics"), "the words that matched: {s}");
        assert!(
            !s.contains("Telemetry Elsewhere") && !s.contains("Orbital Sat Works"),
            "only others at the event: {s}"
        );
        assert!(!get(&t, dir, "").await.contains("Suggested for you"), "nothing to go on for a visitor");

        // One click from the suggestion; its card then says so, with the undo.
        let soft_id = html.split(r#"suggestion" id="s"#).nth(1).unwrap().split('"').next().unwrap().to_string();
        let ask = [("csrf", csrf.as_str()), ("to", soft_id.as_str()), ("back", dir)];
        let r = t
            .http
            .post(t.url("/events/forum/requests"))
            .header("cookie", &session)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(ask).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
        let html = get(&t, dir, &session).await;
        let s = suggested(&html);
        assert!(s.contains("Request sent") && s.contains("Withdraw request"), "{s}");
        let id = s.split("/meeting-requests/").nth(1).unwrap().split('/').next().unwrap().to_string();
        let back = format!("{dir}#p{soft_id}");
        let undo = [("csrf", csrf.as_str()), ("back", back.as_str())];
        let r = t
            .http
            .post(t.url(&format!("/meeting-requests/{id}/withdraw")))
            .header("cookie", &session)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(undo).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (303, back.as_str()));
        let html = get(&t, dir, &session).await;
        assert!(suggested(&html).contains("Last request withdrawn"), "{html}");
        t
    })
    .await;
}

async fn video(t: &TestApp, meeting: i64, role: &str, url: &str) -> (u16, Value) {
    let body = serde_json::json!({ "video_url": url }).to_string();
    call(t, Method::PUT, &format!("/meetings/{meeting}/video"), role, Some(&body)).await
}

/// A meeting's video link: either side sets it (an https address of a plain host, checked),
/// both agendas show it (API, page and calendar), either clears it; nobody else may, and a
/// cancelled meeting keeps what it had.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn either_side_sets_a_video_link_both_agendas_show_it() {
    on_every_backend(|t| async move {
        let (soft_meeting, admin_meeting) = two_meetings(&t).await;
        // Placed, so that the calendar holds them.
        assert_eq!(call(&t, Method::POST, "/events/forum/schedule", "admin", None).await.0, 200);
        let link = "https://meet.example.org/orbital-soft";
        let (status, v) = video(&t, soft_meeting, "member_sat", link).await;
        assert_eq!((status, v["video_url"].as_str()), (200, Some(link)), "{v}");
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_soft", None).await;
        let item = agenda["items"].as_array().unwrap().iter().find(|i| i["meeting"] == soft_meeting).unwrap().clone();
        assert_eq!(item["video_url"], link, "the other side sees it: {agenda}");
        let (cookie, _) = t.session("member_soft").await.unwrap();
        let html = get(&t, "/events/forum/agenda", &cookie).await;
        assert!(html.contains(&format!(r#"<a href="{link}""#)) && html.contains("Join the video call"), "{html}");
        let ics = t.http.get(t.url(agenda["calendar"].as_str().unwrap())).send().await.unwrap().text().await.unwrap();
        assert!(ics.contains(&format!("URL:{link}")), "{ics}");

        for bad in ["http://meet.example.org/x", "javascript:alert(1)", "https://bank.example@evil.example/"] {
            let (status, v) = video(&t, soft_meeting, "member_soft", bad).await;
            assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("video_url")), "{bad}: {v}");
        }
        assert_eq!(video(&t, soft_meeting, "manager_ict", link).await.0, 403, "not a side");
        assert_eq!(video(&t, soft_meeting, "participant", link).await.0, 403, "not a side");

        // The page's form: saved or refused, back on the agenda with a message either way.
        let (status, _) =
            post_form(&t, &format!("/meetings/{soft_meeting}/video"), "member_soft", &[("video_url", "ftp://x")]).await;
        assert_eq!(status, 303);
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        let item =
            |a: &Value| a["items"].as_array().unwrap().iter().find(|i| i["meeting"] == soft_meeting).unwrap().clone();
        assert_eq!(item(&agenda)["video_url"], link, "a refused link changes nothing");
        let (status, _) = post_form(
            &t,
            &format!("/meetings/{soft_meeting}/video"),
            "member_soft",
            &[("video_url", link), ("clear", "1")],
        )
        .await;
        assert_eq!(status, 303);
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        assert_eq!(item(&agenda)["video_url"], "", "cleared");

        assert_eq!(cancel(&t, admin_meeting, "member_sat").await.0, 204);
        assert_eq!(video(&t, admin_meeting, "member_sat", link).await.0, 409, "cancelled");
        t
    })
    .await;
}

/// The new-event form's programme is rows of sessions with time inputs: rows are added and
/// removed by posting the form back (no JavaScript), typed values stay, and the rows become the
/// programme's blocks; the `programme` text of other clients still works (`forum::the_new_event_form_…`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_programme_is_rows_of_sessions_added_and_removed_without_javascript() {
    on_every_backend(|t| async move {
        let html = get(&t, "/events/new", &t.session("manager_space").await.unwrap().0).await;
        assert!(html.contains(r#"id="prog_start_0" name="prog_start_0" value="" type="time""#), "{html}");
        assert!(html.contains(r#"name="prog_count_2""#) && !html.contains(r#"name="prog_count_3""#), "three rows");
        assert!(html.contains("Add a row") && html.contains(r#"name="prog_remove" value="1""#), "{html}");
        let base =
            [("name", "Space day"), ("slug", "space-day"), ("starts_on", "2026-05-04"), ("clusters_space", "space")];
        let mut rows = vec![
            ("prog_session_0", "morning"),
            ("prog_start_0", "10:00"),
            ("prog_minutes_0", "20"),
            ("prog_count_0", "3"),
            ("prog_session_1", "wrong"),
            ("prog_start_1", "11:00"),
            ("prog_session_2", "afternoon"),
            ("prog_day_2", "2026-05-05"),
            ("prog_start_2", "14:00"),
            ("prog_minutes_2", "30"),
            ("prog_count_2", "2"),
        ];
        rows.extend(base);
        let (status, html) =
            post_form(&t, "/events/new", "manager_space", &[&rows[..], &[("prog_add", "1")]].concat()).await;
        assert_eq!(status, 200);
        assert!(
            html.contains(r#"name="prog_count_3""#) && html.contains(r#"value="afternoon""#),
            "a fourth row, values kept"
        );
        let (status, html) =
            post_form(&t, "/events/new", "manager_space", &[&rows[..], &[("prog_remove", "1")]].concat()).await;
        assert_eq!(status, 200);
        assert!(
            !html.contains(r#"value="wrong""#)
                && html.contains(r#"id="prog_session_1" name="prog_session_1" value="afternoon""#),
            "{html}"
        );

        // Saved with the half-filled row: its line is named; without it, the event is made.
        let (status, html) = post_form(&t, "/events/new", "manager_space", &rows).await;
        assert_eq!(status, 422, "{html}");
        assert!(html.contains("line 2"), "{html}");
        let kept: Vec<(&str, &str)> = rows.iter().copied().filter(|(k, _)| !k.ends_with("_1")).collect();
        let (status, _) = post_form(&t, "/events/new", "manager_space", &kept).await;
        assert_eq!(status, 303);
        let (_, ev) = call(&t, Method::GET, "/events/space-day", "manager_space", None).await;
        let slots: Vec<&str> =
            ev["slots"].as_array().unwrap().iter().map(|s| s["starts_at"].as_str().unwrap()).collect();
        assert_eq!(
            slots,
            ["2026-05-04T10:00", "2026-05-04T10:20", "2026-05-04T10:40", "2026-05-05T14:00", "2026-05-05T14:30"]
        );
        t
    })
    .await;
}

/// The live picker's choice, "Name (id)", names that organisation even when its name alone is
/// ambiguous; a project's partner form takes a name now, like the cluster page's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picked_name_with_its_id_names_that_organisation() {
    on_every_backend(|t| async move {
        let works = t.fresh_space_org("Alpha Works").await;
        t.fresh_space_org("Alpha Works Two").await;
        let picked = format!("Alpha Works ({works})");
        let (status, _) = post_form(&t, "/clusters/ict/members", "admin", &[("organisation", picked.as_str())]).await;
        assert_eq!(status, 303, "{}", t.label);
        let members = get(&t, "/clusters/ict", &t.session("admin").await.unwrap().0).await;
        assert!(members.contains(&format!(r#"<a href="/organisations/{works}">Alpha Works</a>"#)), "{members}");

        let sys = domain::Actor::system();
        let input = domain::ProjectInput { title: "Alpha project".into(), kind: "common".into(), ..Default::default() };
        let project = t.app.create_project(&sys, &input, &[]).await.unwrap();
        let path = format!("/projects/{project}/partners");
        let (status, body) =
            post_form(&t, &path, "admin", &[("organisation", "Soft Systems"), ("role", "participant")]).await;
        assert_eq!(status, 303, "{body}");
        let html = get(&t, &format!("/projects/{project}"), "").await;
        assert!(html.contains("Soft Systems"), "{html}");
        t
    })
    .await;
}
