//! Login limits (issue 13, findings 4 and 9): bounded memory, and no lockout of the owner.

use crate::{on_every_backend, on_every_store, NOW};
use app::auth::{NewUser, MAX_FAILURES};
use app::login_limits::{ADDRESS_FAILURES, DEVICES_PER_ACCOUNT, MAX_EMAIL_BYTES};
use app::{App, AppError, FixedClock};
use domain::Actor;
use std::sync::Arc;

const PASSWORD: &str = "long enough password";

async fn account(app: &App, email: &str) -> domain::UserId {
    let input = NewUser { email: email.into(), password: PASSWORD.into(), role: "admin".into(), ..Default::default() };
    app.create_user(&Actor::system(), &input).await.unwrap()
}

fn refused(r: &Result<app::auth::NewSession, AppError>) -> bool {
    matches!(r, Err(AppError::TooManyRequests(_)))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_emails_are_refused_before_the_limiter_stores_anything() {
    on_every_backend(|app, label| async move {
        let big = "x".repeat(10 * 1024);
        for i in 0..5000 {
            let r =
                app.login(&format!("{big}{i}@example.org"), "wrong", &format!("10.{}.{}.1", i / 250, i % 250)).await;
            let Err(AppError::Validation(errors)) = r else { panic!("{label}: {r:?}") };
            assert_eq!(errors[0].field, "email");
        }
        assert_eq!(app.login_limiter_usage().keys, 0, "{label}");
        // One byte under the bound reaches the limiter, as a 32-byte key per budget.
        let longest = format!("{}@example.org", "y".repeat(MAX_EMAIL_BYTES - 12));
        assert_eq!(longest.len(), MAX_EMAIL_BYTES);
        assert!(matches!(app.login(&longest, "wrong", "10.0.0.1").await, Err(AppError::Validation(_))));
        let usage = app.login_limiter_usage();
        assert_eq!(usage.keys, 2, "{label}");
        assert!(usage.bytes < 4096, "{label}: {usage:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_known_device_gets_in_after_failures_from_other_addresses_on_any_instance() {
    on_every_store(|_, store, label| async move {
        let clock = Arc::new(FixedClock::at(NOW));
        let first = App::new(store.clone(), clock.clone());
        let owner = account(&first, "owner@example.org").await;
        account(&first, "other@example.org").await;
        let device = first.login("owner@example.org", PASSWORD, "192.0.2.1").await.unwrap().device;
        let elsewhere = first.login("other@example.org", PASSWORD, "192.0.2.1").await.unwrap().device;
        // Another instance (or a restart): a fresh limiter, the same database.
        let second = App::new(store.clone(), Arc::new(FixedClock::at(NOW)));
        for i in 0..MAX_FAILURES {
            let r = second.login("owner@example.org", "guess", &format!("198.51.100.{i}")).await;
            assert!(matches!(r, Err(AppError::Validation(_))), "{label}: {r:?}");
        }
        let r = second.login("owner@example.org", PASSWORD, "192.0.2.1").await;
        assert!(refused(&r), "{label}: the account is blocked for browsers it does not know");
        let r = second.login_on_device("owner@example.org", PASSWORD, "192.0.2.1", Some(&elsewhere)).await;
        assert!(refused(&r), "{label}: another account's device does not count");
        let again = second.login_on_device("owner@example.org", PASSWORD, "198.51.100.0", Some(&device)).await;
        assert_eq!(again.unwrap().device, device, "{label}: the owner's browser gets in and keeps its cookie");
        // Each account remembers its most recent devices only.
        for _ in 0..DEVICES_PER_ACCOUNT + 2 {
            clock.advance(chrono::Duration::minutes(1));
            first.login("other@example.org", PASSWORD, "192.0.2.1").await.unwrap();
        }
        let mut conn = store.conn().await.unwrap();
        assert_eq!(store::count_known_devices(&mut conn, owner).await.unwrap(), 1, "{label}");
        let other = store::get_user_by_email(&mut conn, "other@example.org").await.unwrap().unwrap().id;
        assert_eq!(store::count_known_devices(&mut conn, other).await.unwrap(), DEVICES_PER_ACCOUNT, "{label}");
        assert_eq!(store::known_device_user(&mut conn, &app::auth::token_hash(&elsewhere)).await.unwrap(), None);
        assert_eq!(store::forget_known_devices(&mut conn, other).await.unwrap(), DEVICES_PER_ACCOUNT as u64);
        assert_eq!(store::count_known_devices(&mut conn, other).await.unwrap(), 0, "{label}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_for_one_account_do_not_block_its_neighbours_behind_a_proxy() {
    on_every_backend(|app, label| async move {
        account(&app, "a@example.org").await;
        account(&app, "b@example.org").await;
        for _ in 0..MAX_FAILURES {
            assert!(matches!(app.login("a@example.org", "wrong", "10.1.1.1").await, Err(AppError::Validation(_))));
        }
        assert!(refused(&app.login("a@example.org", PASSWORD, "10.1.1.1").await), "{label}");
        app.login("b@example.org", PASSWORD, "10.1.1.1").await.unwrap();
        // The address has a budget of its own, ten times an account's: then it waits too.
        for i in MAX_FAILURES..ADDRESS_FAILURES {
            let r = app.login(&format!("nobody{i}@example.org"), "wrong", "10.1.1.1").await;
            assert!(matches!(r, Err(AppError::Validation(_))), "{label} {i}: {r:?}");
        }
        let r = app.login("b@example.org", PASSWORD, "10.1.1.1").await;
        let Err(AppError::TooManyRequests(wait)) = r else { panic!("{label}: {r:?}") };
        assert_eq!(wait, 18, "{label}: one failure back every 15 min / 50");
        app.login("b@example.org", PASSWORD, "10.1.1.2").await.unwrap();
    })
    .await;
}
