//! The outbox against a real SMTP server on loopback (`smtp_sink`): nothing is lost while SMTP
//! is down, each mail is sent once when it is back, two instances on one database send each
//! mail once, a crashed worker's lease runs out, and the message carries both bodies, the
//! one-click unsubscribe headers and header-safe names.

use crate::smtp_sink::Sink;
use app::mail::{Mailer, LEASE_SECS};
use app::{App, FixedClock};
use domain::Actor;
use std::collections::BTreeSet;
use std::sync::Arc;
use store::testdb::TestDb;

fn message_ids(messages: &[String]) -> Vec<String> {
    messages
        .iter()
        .filter_map(|m| m.lines().find(|l| l.to_ascii_lowercase().starts_with("message-id:")).map(str::to_string))
        .collect()
}

/// A loopback port with nothing listening (bound, then released).
async fn free_port() -> String {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn smtp_down_for_a_while_loses_nothing_and_sends_each_mail_once_when_back() {
    for db in TestDb::all().await.unwrap() {
        let label = db.label;
        let clock = Arc::new(FixedClock::at(crate::NOW));
        let app = App::new(db.store.clone(), clock.clone());
        let admin = Actor::system();
        for i in 0..3 {
            assert!(app.send_test_mail(&admin, &format!("person{i}@example.org"), "Ada").await.unwrap());
        }
        let addr = free_port().await;
        let mailer = Mailer::from_url(&format!("smtp://{addr}")).unwrap();

        let d = app.deliver_due_mail(&mailer).await.unwrap();
        assert_eq!((d.sent, d.failed), (0, 3), "{label}: SMTP is down");
        let waiting = app.outbox(&admin, None, 10).await.unwrap();
        assert!(waiting.iter().all(|m| m.sent_at.is_none() && m.attempts == 1 && m.last_error.is_some()), "{label}");
        assert!(waiting.iter().all(|m| m.next_attempt_at == "2026-03-01T10:00:30Z"), "{label}: {waiting:?}");
        let d = app.deliver_due_mail(&mailer).await.unwrap();
        assert_eq!((d.sent, d.failed), (0, 0), "{label}: nothing is due before the backoff");

        // SMTP is back; the process restarts (a new App on the same database).
        let sink = Sink::start(&addr).await;
        let app = App::new(db.store.clone(), clock.clone());
        clock.advance(chrono::Duration::seconds(30));
        let d = app.deliver_due_mail(&mailer).await.unwrap();
        assert_eq!((d.sent, d.failed), (3, 0), "{label}");
        clock.advance(chrono::Duration::days(1));
        assert_eq!(app.deliver_due_mail(&mailer).await.unwrap().sent, 0, "{label}: sent once");
        let got = sink.received();
        assert_eq!(got.len(), 3, "{label}");
        assert_eq!(message_ids(&got).into_iter().collect::<BTreeSet<_>>().len(), 3, "{label}");
        let sent = app.outbox(&admin, None, 10).await.unwrap();
        assert!(sent.iter().all(|m| m.sent_at.is_some() && m.attempts == 2), "{label}: {sent:?}");
        assert_eq!(app.outbox_counts(&admin).await.unwrap(), (0, 3), "{label}");
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_on_one_database_send_each_mail_once() {
    for db in TestDb::all().await.unwrap() {
        let label = db.label;
        let clock = Arc::new(FixedClock::at(crate::NOW));
        let a = App::new(db.store.clone(), clock.clone());
        // The second instance has its own connection pool, as another process would.
        let other = store::Store::connect(&db.url).await.unwrap();
        let b = App::new(other.clone(), clock.clone());
        const N: usize = 35;
        for i in 0..N {
            let app = if i % 2 == 0 { &a } else { &b };
            app.send_test_mail(&Actor::system(), &format!("p{i}@example.org"), "P").await.unwrap();
        }
        let sink = Sink::start("127.0.0.1:0").await;
        let mailer = Mailer::from_url(&sink.url()).unwrap();
        let (mut by_a, mut by_b) = (0, 0);
        loop {
            let (da, db_) = tokio::join!(a.deliver_due_mail(&mailer), b.deliver_due_mail(&mailer));
            let (da, db_) = (da.unwrap(), db_.unwrap());
            assert_eq!(da.failed + db_.failed, 0, "{label}");
            if da.sent + db_.sent == 0 {
                break;
            }
            by_a += da.sent;
            by_b += db_.sent;
        }
        assert_eq!(by_a + by_b, N, "{label}: {by_a} + {by_b}");
        let ids = message_ids(&sink.received());
        assert_eq!(ids.len(), N, "{label}: each mail reached the server once");
        assert_eq!(ids.into_iter().collect::<BTreeSet<_>>().len(), N, "{label}");
        other.close().await;
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crashed_workers_mails_wait_for_its_lease_then_go_out() {
    for db in TestDb::all().await.unwrap() {
        let label = db.label;
        let clock = Arc::new(FixedClock::at(crate::NOW));
        let app = App::new(db.store.clone(), clock.clone());
        app.send_test_mail(&Actor::system(), "ada@example.org", "Ada").await.unwrap();
        // Another instance claims it, then dies before sending.
        let mut tx = db.store.begin().await.unwrap();
        let until = "2026-03-01T10:10:00Z";
        let claimed =
            store::claim_due_mail(&mut tx, db.store.backend(), "crashed", crate::NOW, until, 10).await.unwrap();
        store::commit(tx).await.unwrap();
        assert_eq!(claimed.len(), 1);
        let sink = Sink::start("127.0.0.1:0").await;
        let mailer = Mailer::from_url(&sink.url()).unwrap();
        assert_eq!(app.deliver_due_mail(&mailer).await.unwrap().sent, 0, "{label}: leased to the other instance");
        clock.advance(chrono::Duration::seconds(LEASE_SECS - 1));
        assert_eq!(app.deliver_due_mail(&mailer).await.unwrap().sent, 0, "{label}");
        clock.advance(chrono::Duration::seconds(1));
        assert_eq!(app.deliver_due_mail(&mailer).await.unwrap().sent, 1, "{label}: the lease ran out");
        assert_eq!(sink.received().len(), 1);
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mail_has_both_bodies_one_click_unsubscribe_and_no_injected_header() {
    for db in TestDb::all().await.unwrap() {
        let label = db.label;
        let app = App::new(db.store.clone(), Arc::new(FixedClock::at(crate::NOW)));
        app.set_mail_settings(app::mail::MailSettings {
            public_url: "https://bridge.example.org/".into(),
            from: "Cluster Bridge <noreply@bridge.example.org>".into(),
        });
        let admin = Actor::system();
        app.send_test_mail(&admin, "eve@example.org", "Eve\r\nBcc: victim@example.org").await.unwrap();
        let sink = Sink::start("127.0.0.1:0").await;
        let mailer = Mailer::from_url(&sink.url()).unwrap();
        assert_eq!(app.deliver_due_mail(&mailer).await.unwrap().sent, 1, "{label}");
        let raw = sink.received().remove(0);
        let headers: Vec<&str> = raw.split("\r\n\r\n").next().unwrap().lines().collect();
        assert!(!headers.iter().any(|h| h.to_ascii_lowercase().starts_with("bcc:")), "{label}: {raw}");
        let to = headers.iter().find(|h| h.starts_with("To:")).unwrap();
        // One line; lettre writes the name (with its colon) as an RFC 2047 encoded word.
        assert!(
            to.ends_with("<eve@example.org>") && to.contains("=?utf-8?b?RXZlIEJjYzogdmljdGltQGV4YW1wbGUub3Jn?="),
            "{label}: {to}"
        );
        let unsub = headers.iter().find(|h| h.starts_with("List-Unsubscribe:")).expect("List-Unsubscribe");
        assert!(unsub.starts_with("List-Unsubscribe: <https://bridge.example.org/unsubscribe/"), "{unsub}");
        assert!(headers.contains(&"List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{label}: {raw}");
        assert!(raw.contains("multipart/alternative") && raw.contains("text/plain") && raw.contains("text/html"));

        // The one-click link: no more mail of this kind to this address, others still get it.
        let token = unsub.trim_end_matches('>').rsplit('/').next().unwrap();
        assert_eq!(app.unsubscribe(token).await.unwrap(), "test", "{label}");
        assert_eq!(app.unsubscribe(token).await.unwrap(), "test", "{label}: twice is harmless");
        assert!(matches!(app.unsubscribe("nope").await, Err(app::AppError::NotFound(_))));
        assert!(!app.send_test_mail(&admin, "EVE@example.org", "Eve").await.unwrap(), "{label}: opted out");
        assert!(app.send_test_mail(&admin, "ada@example.org", "Ada").await.unwrap(), "{label}");
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_read_the_outbox_and_bad_addresses_are_refused() {
    crate::on_every_backend(|app, label| async move {
        let err = app.send_test_mail(&Actor::system(), "a@b.org\r\nBcc: x@y.org", "A").await.unwrap_err();
        assert!(matches!(&err, app::AppError::Validation(e) if e[0].field == "to"), "{label}: {err:?}");
        assert!(matches!(app.outbox(&Actor::anonymous(), None, 10).await, Err(app::AppError::Unauthenticated)));
        let member = Actor { role: Some(domain::Role::Member), email: "m@example.org".into(), ..Actor::anonymous() };
        assert!(matches!(app.outbox(&member, None, 10).await, Err(app::AppError::Forbidden)), "{label}");
    })
    .await;
}
