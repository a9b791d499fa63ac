//! An account's life: API tokens listed and revoked, signing out everywhere, disabling and
//! enabling, the owner's password change, and the password policy wherever a password is set.

use crate::on_every_backend;
use app::auth::NewUser;
use app::{App, AppError};
use domain::{Actor, FieldError};

const PASSWORD: &str = "long enough password";

async fn account(app: &App, email: &str, role: &str) -> Actor {
    let new = NewUser {
        email: email.into(),
        password: PASSWORD.into(),
        role: role.into(),
        clusters: vec![],
        organisation_id: None,
    };
    let id = app.create_user(&Actor::system(), &new).await.unwrap();
    app.actor_for_user(id).await.unwrap().unwrap()
}

fn audit_actions(entries: &[domain::AuditEntry]) -> Vec<String> {
    entries.iter().rev().map(|e| format!("{} {} {}", e.actor, e.action, e.entity)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_tokens_are_listed_without_secrets_and_revoked_by_their_owner_only() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let alice = account(&app, "alice@example.org", "participant").await;
        let bob = account(&app, "bob@example.org", "participant").await;
        let laptop = app.create_api_token(&alice, "alice@example.org", "laptop").await.unwrap();
        let script = app.create_api_token(&sys, "alice@example.org", "script").await.unwrap();
        let bobs = app.create_api_token(&bob, "bob@example.org", "bob's").await.unwrap();

        let mine = app.my_api_tokens(&alice).await.unwrap();
        let names: Vec<&str> = mine.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["laptop", "script"], "{label}");
        assert!(mine.iter().all(|t| t.user_id == alice.user_id.unwrap() && t.created_at == crate::NOW));
        assert_eq!(app.api_tokens_of(&sys, "ALICE@example.org ").await.unwrap(), mine, "{label}: the CLI's list");
        assert!(matches!(app.api_tokens_of(&alice, "bob@example.org").await, Err(AppError::Forbidden)));
        assert!(matches!(app.my_api_tokens(&Actor::anonymous()).await, Err(AppError::Unauthenticated)));

        // Bob's token is not found to Alice, and to an admin acting on their own account.
        let bobs_id = app.my_api_tokens(&bob).await.unwrap()[0].id;
        assert!(matches!(app.revoke_api_token(&alice, bobs_id).await, Err(AppError::NotFound(_))), "{label}");
        let admin = account(&app, "admin@example.org", "admin").await;
        assert!(matches!(app.revoke_my_api_token(&admin, bobs_id).await, Err(AppError::NotFound(_))), "{label}");
        assert!(app.actor_for_api_token(&bobs).await.unwrap().is_some(), "{label}: Bob's token still works");

        let revoked = app.revoke_my_api_token(&alice, mine[0].id).await.unwrap();
        assert_eq!(revoked.name, "laptop");
        assert!(app.actor_for_api_token(&laptop).await.unwrap().is_none(), "{label}: revoked");
        assert!(app.actor_for_api_token(&script).await.unwrap().is_some(), "{label}: the other one stays");
        assert!(matches!(app.revoke_my_api_token(&alice, mine[0].id).await, Err(AppError::NotFound(_))));
        // The command line (an admin) revokes anyone's.
        app.revoke_api_token(&sys, bobs_id).await.unwrap();
        assert!(app.actor_for_api_token(&bobs).await.unwrap().is_none(), "{label}");

        let log = audit_actions(&app.audit_log(&sys, 10).await.unwrap());
        assert!(
            log.ends_with(&["alice@example.org revoke api_token".into(), "cli revoke api_token".into()]),
            "{log:?}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_every_session_and_token_of_that_account_only() {
    on_every_backend(|app, label| async move {
        let alice = account(&app, "alice@example.org", "participant").await;
        account(&app, "bob@example.org", "participant").await;
        let here = app.login("alice@example.org", PASSWORD, "10.0.0.1").await.unwrap();
        let there = app.login("alice@example.org", PASSWORD, "10.0.0.2").await.unwrap();
        let token = app.create_api_token(&alice, "alice@example.org", "laptop").await.unwrap();
        let bob = app.login("bob@example.org", PASSWORD, "10.0.0.3").await.unwrap();

        assert_eq!(app.sign_out_everywhere(&alice).await.unwrap(), (2, 1), "{label}");
        assert!(app.session(&here.token).await.unwrap().is_none(), "{label}: this browser too");
        assert!(app.session(&there.token).await.unwrap().is_none(), "{label}");
        assert!(app.actor_for_api_token(&token).await.unwrap().is_none(), "{label}");
        assert!(app.session(&bob.token).await.unwrap().is_some(), "{label}: another account is untouched");
        assert!(matches!(app.sign_out_everywhere(&Actor::anonymous()).await, Err(AppError::Unauthenticated)));
        app.login("alice@example.org", PASSWORD, "10.0.0.1").await.unwrap();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_account_cannot_sign_in_and_its_sessions_and_tokens_end() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let alice = account(&app, "alice@example.org", "participant").await;
        let session = app.login("alice@example.org", PASSWORD, "10.0.0.1").await.unwrap();
        let token = app.create_api_token(&alice, "alice@example.org", "laptop").await.unwrap();
        assert!(matches!(app.set_account_disabled(&alice, "alice@example.org", true).await, Err(AppError::Forbidden)));

        app.set_account_disabled(&sys, "Alice@example.org", true).await.unwrap();
        assert!(app.session(&session.token).await.unwrap().is_none(), "{label}");
        assert!(app.actor_for_api_token(&token).await.unwrap().is_none(), "{label}");
        assert!(app.my_api_tokens(&alice).await.unwrap().is_empty(), "{label}: the tokens are gone, not hidden");
        assert!(app.actor_for_user(alice.user_id.unwrap()).await.unwrap().is_none());
        // The right password is told the account is disabled; a wrong one learns nothing.
        match app.login("alice@example.org", PASSWORD, "10.0.0.1").await {
            Err(AppError::Validation(e)) => assert_eq!(e, [FieldError::new("email", "this account is disabled")]),
            other => panic!("{label}: {other:?}"),
        }
        match app.login("alice@example.org", "not the password at all", "10.0.0.1").await {
            Err(AppError::Validation(e)) => assert_eq!(e, [FieldError::new("password", "wrong e-mail or password")]),
            other => panic!("{label}: {other:?}"),
        }

        app.set_account_disabled(&sys, "alice@example.org", false).await.unwrap();
        let again = app.login("alice@example.org", PASSWORD, "10.0.0.1").await.unwrap();
        assert!(app.session(&again.token).await.unwrap().is_some(), "{label}");
        assert!(app.session(&session.token).await.unwrap().is_none(), "{label}: old sessions stay ended");
        assert!(app.actor_for_api_token(&token).await.unwrap().is_none(), "{label}: old tokens stay ended");
        assert!(matches!(app.set_account_disabled(&sys, "nobody@example.org", true).await, Err(AppError::NotFound(_))));

        let log = audit_actions(&app.audit_log(&sys, 10).await.unwrap());
        assert!(log.ends_with(&["cli disable user".into(), "cli enable user".into()]), "{log:?}");
        let detail = &app.audit_log(&sys, 2).await.unwrap()[1].detail;
        assert_eq!(detail, "alice@example.org: 1 sessions and 1 API tokens ended", "{label}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_keeps_this_browser_signed_in_and_ends_every_other_session_and_token() {
    on_every_backend(|app, label| async move {
        let alice = account(&app, "alice@example.org", "participant").await;
        let here = app.login("alice@example.org", PASSWORD, "10.0.0.1").await.unwrap();
        let there = app.login("alice@example.org", PASSWORD, "10.0.0.2").await.unwrap();
        let token = app.create_api_token(&alice, "alice@example.org", "laptop").await.unwrap();
        let (me, _) = app.session(&here.token).await.unwrap().unwrap();

        let wrong = app.change_my_password(&me, "not my password", "orbit lantern cactus rehearsal").await;
        assert!(matches!(&wrong, Err(AppError::Validation(e)) if e[0].field == "current_password"), "{wrong:?}");
        let weak = app.change_my_password(&me, PASSWORD, "password123").await;
        assert!(matches!(&weak, Err(AppError::Validation(e)) if e[0].field == "password"), "{weak:?}");
        assert!(app.session(&there.token).await.unwrap().is_some(), "{label}: a refused change ends nothing");

        let fresh = app.change_my_password(&me, PASSWORD, "orbit lantern cactus rehearsal").await.unwrap();
        let (still, _) = app.session(&fresh.token).await.unwrap().unwrap();
        assert_eq!(still.email, "alice@example.org", "{label}: this browser stays signed in");
        assert!(app.session(&there.token).await.unwrap().is_none(), "{label}: another browser is signed out");
        assert!(app.session(&here.token).await.unwrap().is_none(), "{label}: the old cookie is replaced");
        assert!(app.actor_for_api_token(&token).await.unwrap().is_none(), "{label}: tokens end");
        assert!(app.login("alice@example.org", PASSWORD, "10.0.0.3").await.is_err());
        app.login("alice@example.org", "orbit lantern cactus rehearsal", "10.0.0.3").await.unwrap();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_policy_applies_wherever_a_password_is_set() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let alice = account(&app, "alice@example.org", "participant").await;
        let refused = |r: Result<_, AppError>| match r {
            Err(AppError::Validation(e)) => e.into_iter().find(|f| f.field == "password").map(|f| f.message),
            _ => None,
        };
        for weak in ["password123", "aaaaaaaaaaaa", "bob.martin@example.org", "short"] {
            let new = NewUser {
                email: "bob.martin@example.org".into(),
                password: weak.into(),
                role: "admin".into(),
                ..NewUser::default()
            };
            let why = refused(app.create_user(&sys, &new).await.map(|_| ()));
            assert!(why.is_some(), "{label}: create_user accepted {weak}");
            // Alice's own e-mail is what `set_password` knows of her.
            let weak = weak.replace("bob.martin", "alice");
            let why = refused(app.set_password(&sys, "alice@example.org", &weak).await);
            assert!(why.is_some(), "{label}: set_password accepted {weak}");
        }
        let why = refused(app.set_password(&sys, "alice@example.org", "alice@example.org").await).unwrap();
        assert_eq!(why, "is too easy to guess: It contains this account's e-mail address. Add another word or two. Uncommon words are better.");
        let why = refused(app.set_password(&sys, "alice@example.org", "password123").await).unwrap();
        assert!(why.contains("This is a very common password."), "{why}");
        app.set_password(&sys, "alice@example.org", "orbit lantern cactus rehearsal").await.unwrap();
        let me = app.actor_for_user(alice.user_id.unwrap()).await.unwrap().unwrap();
        let change = app.change_my_password(&me, "orbit lantern cactus rehearsal", "aaaaaaaaaaaa").await;
        assert!(refused(change.map(|_| ())).is_some(), "{label}");
    })
    .await;
}
