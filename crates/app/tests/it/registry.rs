//! Registry use cases: permissions, history of clusters, visibility of contact fields.

use crate::on_every_backend;
use app::auth::NewUser;
use app::registry::DirectoryQuery;
use app::{App, AppError};
use domain::{Actor, ClusterInput, OrganisationInput, PersonInput};

fn cluster(slug: &str, name: &str) -> ClusterInput {
    ClusterInput { slug: slug.into(), name: name.into(), sector: "Sector".into(), description: "About".into() }
}

fn org(name: &str) -> OrganisationInput {
    OrganisationInput { name: name.into(), kind: "company".into(), country: "LU".into(), ..Default::default() }
}

async fn actor(
    app: &App,
    email: &str,
    role: &str,
    clusters: Vec<domain::ClusterId>,
    org: Option<domain::OrganisationId>,
) -> Actor {
    let id = app
        .create_user(
            &Actor::system(),
            &NewUser {
                email: email.into(),
                password: "long enough password".into(),
                role: role.into(),
                clusters,
                organisation_id: org,
            },
        )
        .await
        .unwrap();
    app.actor_for_user(id).await.unwrap().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clusters_keep_their_history_through_rename_merge_and_split() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let a = app.create_cluster(&sys, &cluster("materials", "Materials")).await.unwrap();
        let b = app.create_cluster(&sys, &cluster("plastics", "Plastics")).await.unwrap();
        let o1 = app.create_org(&sys, &org("One")).await.unwrap();
        let o2 = app.create_org(&sys, &org("Two")).await.unwrap();
        app.add_membership(&sys, o1, "materials", None, None).await.unwrap();
        app.add_membership(&sys, o2, "plastics", None, None).await.unwrap();
        assert!(matches!(app.add_membership(&sys, o1, "materials", None, None).await, Err(AppError::Conflict(_))));

        app.update_cluster(&sys, a, &cluster("materials", "Materials & Manufacturing")).await.unwrap();
        app.merge_clusters(&sys, b, a).await.unwrap();
        let page = app.cluster_page(&sys, "materials").await.unwrap();
        assert_eq!(page.members.len(), 2, "{label}");
        let events: Vec<&str> = page.history.iter().map(|h| h.event.as_str()).collect();
        assert_eq!(events, ["created", "renamed", "absorbed"], "{label}");
        let old = app.cluster_page(&sys, "plastics").await.unwrap();
        assert_eq!((old.cluster.status.as_str(), old.cluster.successor_id, old.members.len()), ("merged", Some(a), 0));
        // The moved organisation keeps its ended membership as history.
        let p2 = app.org_page(&sys, o2).await.unwrap();
        assert_eq!(p2.memberships.len(), 2, "{label}");

        let c = app.split_cluster(&sys, a, &cluster("composites", "Composites"), &[o1]).await.unwrap();
        let split = app.cluster_page(&sys, "composites").await.unwrap();
        assert_eq!((split.cluster.id, split.members.len()), (c, 1));
        assert_eq!(app.cluster_page(&sys, "materials").await.unwrap().members.len(), 1);
        let err = app.split_cluster(&sys, a, &cluster("x", "X"), &[o1]).await.unwrap_err();
        assert!(matches!(err, AppError::Validation(ref f) if f[0].field == "organisations"), "{err:?}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_limit_writes_and_contact_fields_follow_visibility() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let space = app.create_cluster(&sys, &cluster("space", "Space")).await.unwrap();
        let ict = app.create_cluster(&sys, &cluster("ict", "ICT")).await.unwrap();
        let sat = app.create_org(&sys, &org("Sat")).await.unwrap();
        let soft = app.create_org(&sys, &org("Soft")).await.unwrap();
        app.add_membership(&sys, sat, "space", None, None).await.unwrap();
        app.add_membership(&sys, soft, "ict", None, None).await.unwrap();
        let person = app
            .create_person(
                &sys,
                sat,
                &PersonInput {
                    name: "Robin Example".into(),
                    email: Some("robin@example.org".into()),
                    email_visibility: Some("on_agreement".into()),
                    phone: Some("+352 1".into()),
                    phone_visibility: Some("managers".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();

        let manager = actor(&app, "m@example.org", "manager", vec![space], None).await;
        let member_sat = actor(&app, "sat@example.org", "member", vec![], Some(sat)).await;
        let member_soft = actor(&app, "soft@example.org", "member", vec![], Some(soft)).await;
        let anon = Actor::anonymous();
        let _ = ict;

        // Writes.
        assert!(app.update_org(&manager, sat, &org("Sat 2")).await.is_ok(), "{label}");
        assert!(matches!(app.update_org(&manager, soft, &org("Soft 2")).await, Err(AppError::Forbidden)));
        assert!(app.update_org(&member_sat, sat, &org("Sat 3")).await.is_ok());
        assert!(matches!(app.update_org(&member_sat, soft, &org("x")).await, Err(AppError::Forbidden)));
        assert!(matches!(app.create_cluster(&manager, &cluster("new", "New")).await, Err(AppError::Forbidden)));
        assert!(matches!(app.create_org(&member_sat, &org("x")).await, Err(AppError::Forbidden)));
        assert!(matches!(app.create_org(&anon, &org("x")).await, Err(AppError::Forbidden)));
        assert!(matches!(app.update_org(&sys, sat, &OrganisationInput::default()).await, Err(AppError::Validation(_))));

        // Reads of contact fields.
        let seen =
            |views: Vec<app::registry::PersonView>| views.into_iter().map(|p| (p.email, p.phone)).next().unwrap();
        assert_eq!(seen(app.people(&anon, sat).await.unwrap()), (None, None), "{label}");
        assert_eq!(seen(app.people(&member_soft, sat).await.unwrap()), (None, None));
        assert_eq!(seen(app.people(&manager, sat).await.unwrap()), (None, Some("+352 1".into())));
        assert_eq!(
            seen(app.people(&member_sat, sat).await.unwrap()),
            (Some("robin@example.org".into()), Some("+352 1".into()))
        );

        // A contact request, accepted, reveals the on_agreement e-mail to the asker only.
        let req = app.request_contact(&member_soft, person, "About satellites").await.unwrap();
        assert!(matches!(app.answer_contact(&member_soft, req, true).await, Err(AppError::Forbidden)));
        app.answer_contact(&member_sat, req, true).await.unwrap();
        assert!(matches!(app.answer_contact(&member_sat, req, true).await, Err(AppError::Conflict(_))));
        assert_eq!(seen(app.people(&member_soft, sat).await.unwrap()).0, Some("robin@example.org".into()), "{label}");
        assert_eq!(seen(app.people(&manager, sat).await.unwrap()).0, None);

        // Every change is in the audit log, which only admins read.
        let log = app.audit_log(&sys, 100).await.unwrap();
        assert!(log.iter().any(|e| e.action == "accepted" && e.actor == "sat@example.org"), "{label}");
        assert!(matches!(app.audit_log(&manager, 10).await, Err(AppError::Forbidden)));

        // Directory queries validate their filters by name.
        let bad = DirectoryQuery {
            kind: Some("startup".into()),
            country: Some("QQ".into()),
            per_page: Some("500".into()),
            ..Default::default()
        };
        match app.search(&bad).await {
            Err(AppError::Validation(f)) => {
                assert_eq!(f.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["per_page", "kind", "country"])
            }
            other => panic!("{other:?}"),
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_accounts_sign_in_only_in_demo_mode() {
    on_every_backend(|app, label| async move {
        let real = actor(&app, "admin@example.org", "admin", vec![], None).await;
        let new = NewUser {
            email: "admin@demo.example.org".into(),
            password: "long enough password".into(),
            role: "admin".into(),
            clusters: vec![],
            organisation_id: None,
        };
        let demo = app.create_user(&Actor::system(), &new).await.unwrap();
        assert!(!app.demo_mode());
        let refused = app.login("admin@demo.example.org", "long enough password", "10.0.0.9").await;
        assert!(matches!(refused, Err(AppError::Validation(_))), "{label}: {refused:?}");
        assert!(app.actor_for_user(demo).await.unwrap().is_none(), "{label}");
        assert!(!app.has_demo_accounts().await.unwrap(), "not shown on the sign-in page");
        assert!(app.actor_for_user(real.user_id.unwrap()).await.unwrap().is_some(), "{label}");
        app.set_demo_mode(true);
        app.login("admin@demo.example.org", "long enough password", "10.0.0.9").await.unwrap();
        assert!(app.has_demo_accounts().await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn logins_are_rate_limited_and_sessions_carry_the_actor() {
    on_every_backend(|app, label| async move {
        actor(&app, "a@example.org", "admin", vec![], None).await;
        for _ in 0..app::auth::MAX_FAILURES {
            assert!(matches!(app.login("a@example.org", "wrong", "10.0.0.1").await, Err(AppError::Validation(_))));
        }
        assert!(
            matches!(
                app.login("a@example.org", "long enough password", "10.0.0.1").await,
                Err(AppError::TooManyRequests(_))
            ),
            "{label}"
        );
        let s = app.login("A@example.org ", "long enough password", "10.0.0.2").await;
        assert!(matches!(s, Err(AppError::TooManyRequests(_))), "the e-mail is blocked from every address");
        let other = actor(&app, "b@example.org", "admin", vec![], None).await;
        let _ = other;
        let s = app.login("b@example.org", "long enough password", "10.0.0.2").await.unwrap();
        let (who, csrf) = app.session(&s.token).await.unwrap().unwrap();
        assert_eq!((who.email.as_str(), csrf.len()), ("b@example.org", 64));
        app.logout(&s.token).await.unwrap();
        assert!(app.session(&s.token).await.unwrap().is_none());

        // A new password ends every session and API token made before it.
        let s = app.login("b@example.org", "long enough password", "10.0.0.3").await.unwrap();
        let token = app.create_api_token(&Actor::system(), "b@example.org", "laptop").await.unwrap();
        assert!(app.actor_for_api_token(&token).await.unwrap().is_some());
        app.set_password(&Actor::system(), "b@example.org", "another long password").await.unwrap();
        assert!(app.session(&s.token).await.unwrap().is_none(), "{label}: old session ended");
        assert!(app.actor_for_api_token(&token).await.unwrap().is_none(), "{label}: old token ended");
        app.login("b@example.org", "another long password", "10.0.0.3").await.unwrap();
    })
    .await;
}
