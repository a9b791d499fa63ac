//! Writes at the same moment (findings 3 and 8 of issue 13): tasks on a multi-threaded runtime
//! call the use cases together. Every valid write is accepted, a race on something the product
//! promises to be unique ends in one winner and a clear 409 (`AppError::Conflict`), caps hold,
//! and nothing ends in `AppError::Internal` (a 500), on SQLite as on PostgreSQL.

use crate::on_every_backend;
use app::auth::NewUser;
use app::events::EventInput;
use app::{App, AppError};
use domain::{Actor, OrganisationInput, ParticipantId, RequestStatus};
use std::sync::Arc;

const PASSWORD: &str = "Tq8#vX2!race-test-password";

async fn account(app: &App, email: &str, role: &str, org: Option<domain::OrganisationId>) -> Actor {
    let new = NewUser {
        email: email.into(),
        password: PASSWORD.into(),
        role: role.into(),
        organisation_id: org,
        ..Default::default()
    };
    let id = app.create_user(&Actor::system(), &new).await.unwrap();
    app.actor_for_user(id).await.unwrap().unwrap()
}

/// An open event with `n` registered guests; returns their actors and participant ids.
async fn event_with_guests(app: &App, slug: &str, n: usize, max_meetings: Option<i64>) -> Vec<(Actor, ParticipantId)> {
    let input = EventInput {
        slug: slug.into(),
        name: format!("Race {slug}"),
        starts_on: "2026-06-01".into(),
        tables: 10,
        capacity: 500,
        max_requests: 500,
        max_meetings,
        ..Default::default()
    };
    app.create_event_from_text(&Actor::system(), &input, "", "morning 10:00 20 6", Vec::new()).await.unwrap();
    let mut out = Vec::new();
    for i in 0..n {
        let actor = account(app, &format!("guest{i}@{slug}.example.org"), "participant", None).await;
        let id = app.register(&actor, slug).await.unwrap();
        out.push((actor, id));
    }
    out
}

fn assert_no_internal<T: std::fmt::Debug>(label: &str, what: &str, r: &Result<T, AppError>) {
    if let Err(AppError::Internal(e)) = r {
        panic!("{label}: {what} ended in an internal error (a 500): {e:#}");
    }
}

/// Finding 8 (two open requests per pair on PostgreSQL) and the SQLite side of it (500s):
/// 36 pairs, both sides ask each other at the same moment.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn both_sides_requesting_at_once_open_one_request_and_the_other_gets_a_409() {
    on_every_backend(|app, label| async move {
        let people = event_with_guests(&app, "pairs", 72, None).await;
        let app = Arc::new(app);
        let mut tasks = Vec::new();
        for pair in people.chunks(2) {
            let ((a, a_id), (b, b_id)) = (pair[0].clone(), pair[1].clone());
            let (app1, app2) = (app.clone(), app.clone());
            tasks.push(tokio::spawn(async move {
                tokio::join!(
                    app1.request_meeting(&a, "pairs", b_id, "let us meet", 1),
                    app2.request_meeting(&b, "pairs", a_id, "let us meet", 1)
                )
            }));
        }
        for (k, t) in tasks.into_iter().enumerate() {
            let (x, y) = t.await.unwrap();
            assert_no_internal(label, &format!("pair {k}, first request"), &x);
            assert_no_internal(label, &format!("pair {k}, second request"), &y);
            let (won, lost) = match (&x, &y) {
                (Ok(_), Err(e)) | (Err(e), Ok(_)) => (1, e.to_string()),
                other => panic!("{label}: pair {k}: exactly one request must win, got {other:?}"),
            };
            assert_eq!(won, 1);
            assert!(lost.contains("a request between you two is already open"), "{label}: pair {k}: {lost}");
        }
        // One request per person, pending, as the database holds it.
        for (actor, _) in &people {
            let view = app.event_view(actor, "pairs").await.unwrap();
            let open: Vec<_> = view.my_requests.iter().filter(|r| r.status == RequestStatus::Pending).collect();
            assert_eq!((view.my_requests.len(), open.len()), (1, 1), "{label}: {}", actor.email);
        }
    })
    .await;
}

/// Caps under concurrency: one participant is asked by 12 others and accepts them all at the
/// same moment; with `max_meetings` 3 exactly three accepts succeed, the rest get a 409.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_accepts_never_exceed_max_meetings() {
    on_every_backend(|app, label| async move {
        let people = event_with_guests(&app, "capped", 13, Some(3)).await;
        let (host, host_id) = people[0].clone();
        let mut requests = Vec::new();
        for (actor, _) in &people[1..] {
            requests.push(app.request_meeting(actor, "capped", host_id, "hello", 1).await.unwrap());
        }
        let app = Arc::new(app);
        let tasks: Vec<_> = requests
            .iter()
            .map(|r| {
                let (app, host, r) = (app.clone(), host.clone(), *r);
                tokio::spawn(async move { app.answer_meeting(&host, r, true).await })
            })
            .collect();
        let mut accepted = 0;
        for t in tasks {
            let r = t.await.unwrap();
            assert_no_internal(label, "an accept", &r);
            match r {
                Ok(_) => accepted += 1,
                Err(AppError::Conflict(m)) => assert!(m.contains("the most this event allows"), "{label}: {m}"),
                Err(e) => panic!("{label}: {e}"),
            }
        }
        assert_eq!(accepted, 3, "{label}: accepts past the cap");
        let view = app.event_view(&host, "capped").await.unwrap();
        let held = view.my_requests.iter().filter(|r| r.status == RequestStatus::Accepted).count();
        assert_eq!(held, 3, "{label}: accepted requests stored");
    })
    .await;
}

/// Finding 3: 40 edits of 8 organisations' profiles at the same moment, each by that
/// organisation's member: every one is accepted (none is a 500 from "database is locked"), and
/// each organisation keeps one of the descriptions written to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_profile_edits_are_all_accepted() {
    on_every_backend(|app, label| async move {
        let mut members = Vec::new();
        for i in 0..8 {
            let input = OrganisationInput {
                name: format!("Edited {i}"),
                kind: "company".into(),
                country: "LU".into(),
                ..Default::default()
            };
            let org = app.create_org(&Actor::system(), &input).await.unwrap();
            members.push((account(&app, &format!("member{i}@edits.example.org"), "member", Some(org)).await, org));
        }
        let app = Arc::new(app);
        let mut tasks = Vec::new();
        for round in 0..5 {
            for (i, (member, org)) in members.iter().enumerate() {
                let (app, member, org) = (app.clone(), member.clone(), *org);
                tasks.push(tokio::spawn(async move {
                    let input = OrganisationInput {
                        name: format!("Edited {i}"),
                        kind: "company".into(),
                        country: "LU".into(),
                        description: Some(format!("edit {round} of {i}")),
                        ..Default::default()
                    };
                    app.update_org(&member, org, &input).await
                }));
            }
        }
        for t in tasks {
            let r = t.await.unwrap();
            assert_no_internal(label, "a profile edit", &r);
            r.unwrap_or_else(|e| panic!("{label}: a valid edit was refused: {e}"));
        }
        for (i, (_, org)) in members.iter().enumerate() {
            let o = app.organisation(*org).await.unwrap();
            assert!(o.description.ends_with(&format!(" of {i}")), "{label}: {:?}", o.description);
        }
    })
    .await;
}
