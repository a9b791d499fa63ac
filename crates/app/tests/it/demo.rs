//! The Luxembourg demo keeps the rules of its own events.

use crate::on_every_store;
use domain::{MeetingStatus, ParticipantId, RequestStatus};
use std::collections::HashMap;

/// Finding 16 of issue 13: with `max_meetings` 9, a participant of the completed 2013 forum had
/// 32 accepted meetings and one of the upcoming forum 22, and 61 of the 2013 forum's meetings
/// were still "scheduled" without a slot. No demo participant goes over a cap of its event
/// (meetings, requests sent), and the completed forum has no meeting without a slot unless its
/// status says that it did not take place.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_forums_keep_their_caps_and_the_past_forum_has_no_unplaced_meeting() {
    on_every_store(|app, db, label| async move {
        assert!(app.load_demo().await.unwrap().loaded, "{label}");
        let mut conn = db.conn().await.unwrap();
        for slug in ["cluster-forum-2013", "cluster-forum-next"] {
            let event = store::get_event_by_slug(&mut conn, slug).await.unwrap().unwrap();
            let cap = event.max_meetings.unwrap();
            let requests: HashMap<_, _> =
                store::meeting_requests(&mut conn, event.id).await.unwrap().into_iter().map(|r| (r.id, r)).collect();
            let meetings = store::event_meetings(&mut conn, event.id).await.unwrap();
            // Counted as the accept rule counts them: every meeting not cancelled.
            let mut accepted: HashMap<ParticipantId, i64> = HashMap::new();
            for m in meetings.iter().filter(|m| m.status != MeetingStatus::Cancelled) {
                let r = &requests[&m.request_id];
                *accepted.entry(r.from_participant).or_default() += 1;
                *accepted.entry(r.to_participant).or_default() += 1;
            }
            let most = accepted.values().copied().max().unwrap_or(0);
            assert!(most > 0 && most <= cap, "{slug} on {label}: a participant has {most} meetings, cap {cap}");
            let mut sent: HashMap<ParticipantId, i64> = HashMap::new();
            for r in requests.values().filter(|r| r.status != RequestStatus::Withdrawn) {
                *sent.entry(r.from_participant).or_default() += 1;
            }
            let most_sent = sent.values().copied().max().unwrap_or(0);
            assert!(most_sent <= event.max_requests, "{slug} on {label}: {most_sent} requests sent");
            if slug == "cluster-forum-2013" {
                let unplaced: Vec<_> = meetings
                    .iter()
                    .filter(|m| {
                        m.slot_id.is_none() && !matches!(m.status, MeetingStatus::Cancelled | MeetingStatus::NoShow)
                    })
                    .map(|m| (m.id, m.status))
                    .collect();
                assert!(
                    unplaced.is_empty(),
                    "{slug} on {label}: {} meetings without a slot: {unplaced:?}",
                    unplaced.len()
                );
                assert!(meetings.iter().any(|m| m.status == MeetingStatus::Held), "{label}: the forum took place");
            }
            // Issue 17, item 5: the demo manager (space, materials) runs both forums.
            let manager = store::get_user_by_email(&mut conn, "manager@demo.example.org").await.unwrap().unwrap();
            let manager = app.actor_for_user(manager.id).await.unwrap().unwrap();
            assert!(
                app.is_organiser(&manager, slug).await.unwrap(),
                "{slug} on {label}: the demo manager organises it"
            );
            let cancelled = meetings.iter().filter(|m| m.status == MeetingStatus::Cancelled).count();
            eprintln!(
                "{slug} on {label}: most meetings of one participant {most} (cap {cap}), most requests sent \
                 {most_sent}; {} meetings, {cancelled} cancelled",
                meetings.len()
            );
        }
    })
    .await;
}
