//! Events: register, request, accept, schedule against the bound, agendas and their iCalendar
//! feed (a moved meeting keeps its UID and gets a higher SEQUENCE), organisers without messages.

use crate::support::{on_every_backend, TestApp};
use app::events::{EventInput, ProgrammeBlock};
use domain::Actor;
use reqwest::Method;
use serde_json::Value;

pub(crate) async fn forum(t: &TestApp) {
    let input = EventInput {
        slug: "forum".into(),
        name: "Cluster Forum".into(),
        venue: "Utopolis".into(),
        description: "One-to-one meetings".into(),
        starts_on: "2026-03-20".into(),
        clusters: vec!["space".into()],
        tables: 2,
        capacity: 100,
        ..Default::default()
    };
    let blocks = [ProgrammeBlock { session: "pm".into(), start: "14:00".into(), minutes: 20, count: 3, day: None }];
    t.app.create_event(&Actor::system(), &input, &[], &blocks).await.unwrap();
}

/// An event of the Space and ICT clusters, whose managers both organise it.
pub(crate) async fn two_cluster_event(t: &TestApp, slug: &str) {
    let input = EventInput {
        slug: slug.into(),
        name: "Space and ICT day".into(),
        starts_on: "2026-04-20".into(),
        clusters: vec!["space".into(), "ict".into()],
        tables: 2,
        capacity: 100,
        ..Default::default()
    };
    let blocks = [ProgrammeBlock { session: "pm".into(), start: "14:00".into(), minutes: 20, count: 2, day: None }];
    t.app.create_event(&Actor::system(), &input, &[], &blocks).await.unwrap();
}

pub(crate) async fn call(t: &TestApp, method: Method, path: &str, role: &str, body: Option<&str>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let resp = rb.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_accept_schedule_agenda_and_calendar_updates() {
    on_every_backend(|t| async move {
        forum(&t).await;
        for role in ["member_sat", "member_soft"] {
            assert_eq!(call(&t, Method::POST, "/events/forum/register", role, None).await.0, 201);
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_soft", None).await;
        let soft = ev["me"].as_i64().unwrap();
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_sat", None).await;
        let sat = ev["me"].as_i64().unwrap();

        // Bad requests are named; a request to yourself or twice is refused.
        let (status, v) =
            call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {sat}}}"#))).await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("to")));
        let (status, _) =
            call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(r#"{"to": 424242, "priority": 9}"#))
                .await;
        assert_eq!(status, 422);
        let (status, v) = call(
            &t,
            Method::POST,
            "/events/forum/requests",
            "member_sat",
            Some(&format!(r#"{{"to": {soft}, "message": "Satellites for your software?", "priority": 2}}"#)),
        )
        .await;
        assert_eq!(status, 201, "{v}");
        let request = v["id"].as_i64().unwrap();
        let (status, _) =
            call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {soft}}}"#))).await;
        assert_eq!(status, 409, "a second open request between the same two");
        assert_eq!(
            call(&t, Method::POST, &format!("/meeting-requests/{request}/accept"), "member_sat", None).await.0,
            403,
            "only the one asked answers"
        );
        assert_eq!(
            call(&t, Method::POST, &format!("/meeting-requests/{request}/accept"), "member_soft", None).await.0,
            204
        );

        // Organisers schedule; participants may not.
        assert_eq!(call(&t, Method::POST, "/events/forum/schedule", "member_sat", None).await.0, 403);
        let (status, r) =
            call(&t, Method::POST, "/events/forum/schedule", "manager_space", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!(status, 200, "{r}");
        // One meeting of priority 2: weight 2, and the bound proves nothing better exists.
        assert_eq!(
            (r["placed"].as_i64(), r["placed_weight"].as_i64(), r["upper_bound"].as_i64()),
            (Some(1), Some(2), Some(2)),
            "{r} on {}",
            t.label
        );

        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        let item = &agenda["items"][0];
        assert_eq!(
            (item["with"].as_str().is_some(), item["table"].as_i64().is_some(), item["sequence"].as_i64()),
            (true, true, Some(0)),
            "{agenda}"
        );
        let first_slot = item["starts_at"].as_str().unwrap().to_string();
        let calendar = agenda["calendar"].as_str().unwrap().to_string();
        let ics = t.http.get(t.url(&calendar)).send().await.unwrap().text().await.unwrap();
        let uid = ics.lines().find(|l| l.starts_with("UID:")).unwrap().to_string();
        assert!(ics.contains("SEQUENCE:0") && ics.contains("DTSTART;TZID=Europe/Luxembourg:"), "{ics}");

        // Organisers see every request but never the message.
        let (_, org) = call(&t, Method::GET, "/events/forum/organise", "manager_space", None).await;
        assert_eq!(org["requests"].as_array().unwrap().len(), 1);
        assert!(!org.to_string().contains("Satellites for your software"), "{org}");
        assert_eq!(call(&t, Method::GET, "/events/forum/organise", "member_soft", None).await.0, 403);

        // The meeting's slot becomes impossible: a re-plan moves it, and the calendar updates it.
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_soft", None).await;
        let slot_id = ev["slots"].as_array().unwrap().iter().find(|s| s["starts_at"] == first_slot.as_str()).unwrap()
            ["id"]
            .as_i64()
            .unwrap();
        assert_eq!(
            call(
                &t,
                Method::PUT,
                "/events/forum/availability",
                "member_soft",
                Some(&format!(r#"{{"unavailable": [{slot_id}]}}"#))
            )
            .await
            .0,
            200
        );
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!((r["placed"].as_i64(), r["moved"].as_i64()), (Some(1), Some(1)), "{r}");
        let ics = t.http.get(t.url(&calendar)).send().await.unwrap().text().await.unwrap();
        assert!(ics.contains(&uid), "same UID after the move: {ics}");
        assert!(ics.contains("SEQUENCE:1"), "{ics}");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1, "updated, not duplicated");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_requests_expire() {
    on_every_backend(|t| async move {
        forum(&t).await;
        for role in ["member_sat", "member_soft"] {
            call(&t, Method::POST, "/events/forum/register", role, None).await;
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_soft", None).await;
        let soft = ev["me"].as_i64().unwrap();
        let (_, v) =
            call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {soft}}}"#))).await;
        let request = v["id"].as_i64().unwrap();
        t.clock.advance(chrono::Duration::hours(73));
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_sat", None).await;
        assert_eq!(ev["my_requests"][0]["status"], "expired", "{ev}");
        assert_eq!(
            call(&t, Method::POST, &format!("/meeting-requests/{request}/accept"), "member_soft", None).await.0,
            409
        );
        // An expired request blocks nobody: a new one may be sent.
        let (status, _) =
            call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {soft}}}"#))).await;
        assert_eq!(status, 201, "{}", t.label);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_day_itself_check_in_no_shows_and_feedback() {
    on_every_backend(|t| async move {
        forum(&t).await;
        for role in ["member_sat", "member_soft", "admin"] {
            call(&t, Method::POST, "/events/forum/register", role, None).await;
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_soft", None).await;
        let soft = ev["me"].as_i64().unwrap();
        let (_, ev) = call(&t, Method::GET, "/events/forum", "admin", None).await;
        let admin = ev["me"].as_i64().unwrap();
        let mut meetings = Vec::new();
        for (from, to, to_role) in [("member_sat", soft, "member_soft"), ("member_sat", admin, "admin")] {
            let (_, v) =
                call(&t, Method::POST, "/events/forum/requests", from, Some(&format!(r#"{{"to": {to}}}"#))).await;
            let rid = v["id"].as_i64().unwrap();
            assert_eq!(call(&t, Method::POST, &format!("/meeting-requests/{rid}/accept"), to_role, None).await.0, 204);
        }
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!(r["placed"], 2, "{r}");
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        for i in agenda["items"].as_array().unwrap() {
            meetings.push((i["meeting"].as_i64().unwrap(), i["starts_at"].as_str().unwrap().to_string()));
        }

        assert_eq!(
            call(&t, Method::POST, "/events/forum/check-in", "admin", Some(&format!(r#"{{"participant": {soft}}}"#)))
                .await
                .0,
            204
        );
        assert_eq!(
            call(
                &t,
                Method::POST,
                "/events/forum/check-in",
                "member_sat",
                Some(&format!(r#"{{"participant": {soft}}}"#))
            )
            .await
            .0,
            403
        );
        // The first meeting was held; the second becomes a no-show, freeing its slot.
        let (held, held_at) = meetings[0].clone();
        assert_eq!(
            call(&t, Method::POST, &format!("/meetings/{held}/status"), "member_sat", Some(r#"{"status": "held"}"#))
                .await
                .0,
            403
        );
        assert_eq!(
            call(&t, Method::POST, &format!("/meetings/{held}/status"), "admin", Some(r#"{"status": "held"}"#)).await.0,
            204
        );
        let (status, v) = call(
            &t,
            Method::POST,
            &format!("/meetings/{}/status", meetings[1].0),
            "admin",
            Some(r#"{"status": "gone"}"#),
        )
        .await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("status")));
        assert_eq!(
            call(
                &t,
                Method::POST,
                &format!("/meetings/{}/status", meetings[1].0),
                "admin",
                Some(r#"{"status": "no_show"}"#)
            )
            .await
            .0,
            204
        );
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!(
            (r["requests"].as_i64(), r["moved"].as_i64()),
            (Some(1), Some(0)),
            "the held meeting stays, the no-show is out: {r}"
        );
        let (_, agenda) = call(&t, Method::GET, "/events/forum/agenda", "member_sat", None).await;
        let kept = agenda["items"].as_array().unwrap().iter().find(|i| i["meeting"] == held).unwrap().clone();
        assert_eq!((kept["starts_at"].as_str(), kept["status"].as_str()), (Some(held_at.as_str()), Some("held")));

        // Feedback from each side, counted for organisers.
        assert_eq!(feedback(&t, held, "member_sat", "cooperation_possible").await, 204);
        assert_eq!(feedback(&t, held, "member_soft", "informative").await, 204);
        assert_eq!(feedback(&t, held, "manager_ict", "informative").await, 403, "only the two sides give feedback");
        assert_eq!(feedback(&t, held, "member_sat", "great").await, 422);
        let (_, org) = call(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        let counts: Vec<(String, i64)> = org["feedback"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["outcome"].as_str().unwrap().to_string(), f["count"].as_i64().unwrap()))
            .collect();
        assert_eq!(counts, [("cooperation_possible".to_string(), 1), ("informative".to_string(), 1)], "{}", t.label);
        // A side cancels only before the slot (`meet::feedback_after_the_slot_cancel_before_it`):
        // a held meeting stays held.
        let (status, v) = call(
            &t,
            Method::POST,
            &format!("/meetings/{held}/status"),
            "member_soft",
            Some(r#"{"status": "cancelled"}"#),
        )
        .await;
        assert_eq!(status, 409, "{v}");
        t
    })
    .await;
}

async fn feedback(t: &TestApp, meeting: i64, role: &str, outcome: &str) -> u16 {
    call(
        t,
        Method::POST,
        &format!("/meetings/{meeting}/feedback"),
        role,
        Some(&format!(r#"{{"outcome": "{outcome}"}}"#)),
    )
    .await
    .0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_add_and_lock_meetings() {
    on_every_backend(|t| async move {
        forum(&t).await;
        for role in ["member_sat", "member_soft"] {
            call(&t, Method::POST, "/events/forum/register", role, None).await;
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "admin", None).await;
        let ids: Vec<i64> = ev["participants"].as_array().unwrap().iter().map(|p| p["id"].as_i64().unwrap()).collect();
        let last_slot = ev["slots"].as_array().unwrap().last().unwrap()["id"].as_i64().unwrap();
        let body = format!(r#"{{"a": {}, "b": {}}}"#, ids[0], ids[1]);
        assert_eq!(call(&t, Method::POST, "/events/forum/meetings", "member_sat", Some(&body)).await.0, 403);
        let (status, v) = call(&t, Method::POST, "/events/forum/meetings", "manager_space", Some(&body)).await;
        assert_eq!(status, 201, "{v}");
        let meeting = v["id"].as_i64().unwrap();
        let (status, v) =
            call(&t, Method::POST, &format!("/meetings/{meeting}/pin"), "admin", Some(r#"{"slot": 1, "table": 99}"#))
                .await;
        assert_eq!(status, 422, "{v}");
        let pin = format!(r#"{{"slot": {last_slot}, "table": 2}}"#);
        assert_eq!(call(&t, Method::POST, &format!("/meetings/{meeting}/pin"), "admin", Some(&pin)).await.0, 204);
        // A locked meeting stays where the organisers put it.
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!((r["placed"].as_i64(), r["moved"].as_i64()), (Some(1), Some(0)), "{r}");
        let (_, org) = call(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        let last = org["plan"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["meetings"][0]["table"], 2, "{org} on {}", t.label);
        // What never moves cannot be undercut: its slot stays available, its table stays open.
        let give_up = format!(r#"{{"blocked": [{last_slot}]}}"#);
        let (status, v) = call(&t, Method::PUT, "/events/forum/availability", "member_sat", Some(&give_up)).await;
        assert_eq!(status, 409, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("locked"), "{v}");
        let (status, v) = call(
            &t,
            Method::PUT,
            "/events/forum/tables",
            "admin",
            Some(&format!(r#"{{"tables": {{"{last_slot}": 1}}}}"#)),
        )
        .await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("tables")), "{v}");
        // Nor is a pin accepted that the scheduler could not keep.
        let first_slot = ev["slots"][0]["id"].as_i64().unwrap();
        let (status, _) = call(
            &t,
            Method::PUT,
            "/events/forum/availability",
            "member_soft",
            Some(&format!(r#"{{"blocked": [{first_slot}]}}"#)),
        )
        .await;
        assert_eq!(status, 200);
        let pin = format!(r#"{{"slot": {first_slot}, "table": 1}}"#);
        let (status, v) = call(&t, Method::POST, &format!("/meetings/{meeting}/pin"), "admin", Some(&pin)).await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("slot")), "{v}");
        // Everything above was refused without harm: scheduling still works.
        let (status, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!((status, r["placed"].as_i64()), (200, Some(1)), "{r}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn themed_round_tables_mix_clusters() {
    on_every_backend(|t| async move {
        forum(&t).await;
        let roles = ["member_sat", "member_soft", "manager_space", "manager_ict", "admin", "participant"];
        for role in roles {
            assert_eq!(call(&t, Method::POST, "/events/forum/register", role, None).await.0, 201);
            assert_eq!(
                call(&t, Method::PUT, "/events/forum/round-table", role, Some(r#"{"join": true}"#)).await.0,
                204
            );
        }
        let (status, v) =
            call(&t, Method::PUT, "/events/forum/round-table", "member_sat", Some(r#"{"join": "perhaps"}"#)).await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("join")));
        let (status, v) = call(&t, Method::GET, "/events/forum/round-tables", "anonymous", None).await;
        assert_eq!(status, 200);
        let tables = v["items"].as_array().unwrap();
        assert_eq!(tables.len(), 1, "six people make one table: {v}");
        assert_eq!(tables[0]["members"].as_array().unwrap().len(), 6);
        assert!(tables[0]["theme"].as_str().is_some_and(|s| !s.is_empty()));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn availability_and_tables_per_slot_shape_the_schedule() {
    on_every_backend(|t| async move {
        forum(&t).await;
        for role in ["member_sat", "member_soft", "admin"] {
            call(&t, Method::POST, "/events/forum/register", role, None).await;
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_soft", None).await;
        let soft = ev["me"].as_i64().unwrap();
        let slots: Vec<i64> = ev["slots"].as_array().unwrap().iter().map(|s| s["id"].as_i64().unwrap()).collect();
        let (s1, s2, s3) = (slots[0], slots[1], slots[2]);
        let (_, ev) = call(&t, Method::GET, "/events/forum", "admin", None).await;
        let admin = ev["me"].as_i64().unwrap();

        // Arrival, departure, sessions and blocked slots become the slots ruled out.
        let (status, a) = call(
            &t,
            Method::PUT,
            "/events/forum/availability",
            "member_soft",
            Some(&format!(r#"{{"arrival": {s2}}}"#)),
        )
        .await;
        assert_eq!(status, 200, "{a}");
        assert_eq!((a["unavailable"].clone(), a["arrival"].as_i64()), (serde_json::json!([s1]), Some(s2)));
        let (_, a) = call(&t, Method::GET, "/events/forum/availability", "member_soft", None).await;
        assert_eq!(a["slots"].as_array().unwrap().iter().filter(|s| s["available"] == true).count(), 2, "{a}");

        // Mistakes name their field and change nothing.
        for (body, field) in [
            (format!(r#"{{"arrival": {s3}, "departure": {s2}}}"#), "departure"),
            (r#"{"blocked": [999999]}"#.to_string(), "blocked"),
            (r#"{"sessions": ["evening"]}"#.to_string(), "sessions"),
            (format!(r#"{{"unavailable": [{s1}], "arrival": {s2}}}"#), "unavailable"),
            (r#"{"arrival": "soon"}"#.to_string(), "arrival"),
        ] {
            let (status, v) = call(&t, Method::PUT, "/events/forum/availability", "member_soft", Some(&body)).await;
            assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some(field)), "{body}: {v}");
        }
        let (_, a) = call(&t, Method::GET, "/events/forum/availability", "member_soft", None).await;
        assert_eq!(a["unavailable"], serde_json::json!([s1]));
        // What the GET answers can be sent back: `sessions: null` means every session.
        let echo = serde_json::json!({"arrival": a["arrival"], "departure": a["departure"], "sessions": a["sessions"], "blocked": a["blocked"]}).to_string();
        let (status, back) = call(&t, Method::PUT, "/events/forum/availability", "member_soft", Some(&echo)).await;
        assert_eq!((status, back["unavailable"].clone()), (200, serde_json::json!([s1])), "{echo} -> {back}");
        let (_, none) = call(&t, Method::PUT, "/events/forum/availability", "member_soft", Some(r#"{"sessions": []}"#)).await;
        assert_eq!(none["unavailable"].as_array().unwrap().len(), 3, "no session attended: no slot");
        call(&t, Method::PUT, "/events/forum/availability", "member_soft", Some(&echo)).await;

        // Someone else's availability: organisers only.
        let other = format!(r#"{{"participant": {soft}, "blocked": [{s3}]}}"#);
        assert_eq!(call(&t, Method::PUT, "/events/forum/availability", "member_sat", Some(&other)).await.0, 403);
        for role in ["member_sat", "manager_ict"] {
            let path = format!("/events/forum/availability?participant={soft}");
            assert_eq!(call(&t, Method::GET, &path, role, None).await.0, 403, "{role}: not an organiser of this event");
        }
        let (status, a) = call(&t, Method::PUT, "/events/forum/availability", "admin", Some(&other)).await;
        assert_eq!((status, a["unavailable"].clone()), (200, serde_json::json!([s3])), "{a}");

        // Tables per slot: organisers only, whole numbers from 0, slots of this event.
        let close = format!(r#"{{"tables": {{"{s2}": 0}}}}"#);
        assert_eq!(call(&t, Method::PUT, "/events/forum/tables", "member_sat", Some(&close)).await.0, 403);
        for body in [
            format!(r#"{{"tables": {{"{s2}": -1}}}}"#),
            r#"{"tables": {"999999": 1}}"#.to_string(),
            format!(r#"{{"tables": {{"{s2}": 1.5}}}}"#),
            r#"{"rooms": {}}"#.to_string(),
        ] {
            let (status, v) = call(&t, Method::PUT, "/events/forum/tables", "manager_space", Some(&body)).await;
            assert_eq!(status, 422, "{body}: {v}");
        }
        assert_eq!(call(&t, Method::PUT, "/events/forum/tables", "manager_space", Some(&close)).await.0, 204);

        // Two meetings for member_sat; soft cannot take s3 and s2 has no tables: s1 for soft.
        for (to, to_role) in [(soft, "member_soft"), (admin, "admin")] {
            let (_, v) =
                call(&t, Method::POST, "/events/forum/requests", "member_sat", Some(&format!(r#"{{"to": {to}}}"#)))
                    .await;
            let rid = v["id"].as_i64().unwrap();
            assert_eq!(call(&t, Method::POST, &format!("/meeting-requests/{rid}/accept"), to_role, None).await.0, 204);
        }
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!(r["placed"], 2, "{r}");
        let (_, o) = call(&t, Method::GET, "/events/forum/organise", "admin", None).await;
        let plan = o["plan"].as_array().unwrap();
        assert_eq!((plan[1]["tables"].as_i64(), plan[1]["meetings"].as_array().unwrap().len()), (Some(0), 0), "{o}");
        let soft_name = o["participants"].as_array().unwrap().iter().find(|p| p["id"] == soft).unwrap()["name"].clone();
        let with_soft = |slot: &Value| {
            slot["meetings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["participants"].as_array().unwrap().contains(&soft_name))
        };
        assert!(with_soft(&plan[0]) && !with_soft(&plan[2]), "{o}");

        // Soft now arrives late: the re-plan moves that one meeting and says whose it was.
        assert_eq!(
            call(&t, Method::PUT, "/events/forum/tables", "admin", Some(&format!(r#"{{"tables": {{"{s2}": null}}}}"#)))
                .await
                .0,
            204
        );
        call(&t, Method::PUT, "/events/forum/availability", "member_soft", Some(&format!(r#"{{"arrival": {s2}}}"#)))
            .await;
        let (_, r) = call(&t, Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 1}"#)).await;
        assert_eq!((r["placed"].as_i64(), r["moved"].as_i64()), (Some(2), Some(1)), "{r}");
        let moved = r["moved_by_participant"].as_array().unwrap();
        assert_eq!(moved.len(), 2, "both sides of the moved meeting: {r}");
        assert!(moved.iter().any(|m| m["participant"] == soft && m["name"] == soft_name && m["moved"] == 1), "{r}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisers_create_events_with_their_programme() {
    on_every_backend(|t| async move {
        let event = |slug: &str, clusters: &str, programme: &str| {
            format!(
                r#"{{"slug": "{slug}", "name": "Space Day", "starts_on": "2027-05-04", "venue": "Betzdorf", "clusters": [{clusters}],
                    "tables": 3, "max_meetings": 1, "agenda": ["09:00-09:30 Welcome (keynote)"], "programme": [{programme}]}}"#
            )
        };
        let good = event("space-day", r#""space""#, r#""morning 10:00 20 2", "2027-05-05 afternoon 14:00 30 2""#);
        // Who may: admins, and managers of every cluster the event names.
        assert_eq!(call(&t, Method::POST, "/events", "member_sat", Some(&good)).await.0, 403);
        assert_eq!(call(&t, Method::POST, "/events", "manager_ict", Some(&good)).await.0, 403);
        assert_eq!(call(&t, Method::POST, "/events", "anonymous", Some(&good)).await.0, 401);
        // Every mistake at once, named by field and line; nothing is created.
        let (status, v) = call(
            &t,
            Method::POST,
            "/events",
            "manager_space",
            Some(&event("Space Day!", r#""space""#, r#""morning 10:00 20 2", "evening 25:00 20 2""#)),
        )
        .await;
        assert_eq!(status, 422, "{v}");
        let fields: Vec<(String, String)> = v["error"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["field"].as_str().unwrap().to_string(), f["message"].as_str().unwrap().to_string()))
            .collect();
        assert!(fields.iter().any(|(f, _)| f == "slug"), "{v}");
        assert!(fields.iter().any(|(f, m)| f == "programme" && m.starts_with("line 2")), "{v}");
        assert_eq!(call(&t, Method::GET, "/events", "admin", None).await.1["total"], 0);
        for (body, field, words) in [
            (event("space-day", r#""space""#, r#""pm 14:00 20 2", "pm2 14:20 20 2""#), "programme", "overlaps"),
            (event("space-day", r#""space""#, r#""2027-05-01 pm 14:00 20 2""#), "programme", "before the event's first day"),
            (event("space-day", r#""space""#, r#""am 09:00 300 2""#), "programme", "line 1: slots last 5 to 240"),
            (event("new", r#""space""#, r#""pm 14:00 20 2""#), "slug", "taken"),
            (event("space-day", "", r#""pm 14:00 20 2""#), "clusters", "at least one cluster"),
        ] {
            let (status, v) = call(&t, Method::POST, "/events", "manager_space", Some(&body)).await;
            let hit = v["error"]["fields"].as_array().is_some_and(|fs| {
                fs.iter().any(|f| f["field"] == field && f["message"].as_str().unwrap_or("").contains(words))
            });
            assert!(status == 422 && hit, "{field} {words}: {v}");
        }

        let (status, v) = call(&t, Method::POST, "/events", "manager_space", Some(&good)).await;
        assert_eq!((status, v["slug"].as_str()), (201, Some("space-day")), "{v}");
        let (_, ev) = call(&t, Method::GET, "/events/space-day", "member_sat", None).await;
        let starts: Vec<&str> = ev["slots"].as_array().unwrap().iter().map(|s| s["starts_at"].as_str().unwrap()).collect();
        assert_eq!(starts, ["2027-05-04T10:00", "2027-05-04T10:20", "2027-05-05T14:00", "2027-05-05T14:30"]);
        assert_eq!(ev["sessions"][0]["kind"], "keynote");

        // A guest from outside the clusters, added by the organisers.
        let (status, v) =
            call(&t, Method::POST, "/events/space-day/participants", "manager_space", Some(r#"{"name": "Guest from Metz"}"#)).await;
        assert_eq!(status, 201, "{v}");
        assert_eq!(
            call(&t, Method::POST, "/events/space-day/participants", "member_sat", Some(r#"{"name": "Me again"}"#)).await.0,
            403
        );
        let (status, v) = call(&t, Method::POST, "/events/space-day/participants", "admin", Some(r#"{"name": " "}"#)).await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("name")));

        // The event allows one meeting each: a second acceptance is refused.
        for role in ["member_sat", "member_soft", "admin"] {
            call(&t, Method::POST, "/events/space-day/register", role, None).await;
        }
        let (_, ev) = call(&t, Method::GET, "/events/space-day", "member_soft", None).await;
        let soft = ev["me"].as_i64().unwrap();
        let mut requests = Vec::new();
        for from in ["member_sat", "admin"] {
            let (_, v) =
                call(&t, Method::POST, "/events/space-day/requests", from, Some(&format!(r#"{{"to": {soft}}}"#))).await;
            requests.push(v["id"].as_i64().unwrap());
        }
        assert_eq!(call(&t, Method::POST, &format!("/meeting-requests/{}/accept", requests[0]), "member_soft", None).await.0, 204);
        let (status, v) =
            call(&t, Method::POST, &format!("/meeting-requests/{}/accept", requests[1]), "member_soft", None).await;
        assert_eq!(status, 409, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("you already have 1 meeting, the most this event allows"), "{v}");
        // The cap holds for the side that asked, too.
        let (_, ev) = call(&t, Method::GET, "/events/space-day", "admin", None).await;
        let admin = ev["me"].as_i64().unwrap();
        let (_, v) =
            call(&t, Method::POST, "/events/space-day/requests", "member_sat", Some(&format!(r#"{{"to": {admin}}}"#))).await;
        let (status, v) =
            call(&t, Method::POST, &format!("/meeting-requests/{}/accept", v["id"].as_i64().unwrap()), "admin", None).await;
        assert_eq!(status, 409, "{v}");
        assert!(v["error"]["message"].as_str().unwrap().contains("already has 1 meeting"), "{v}");
        t
    })
    .await;
}
