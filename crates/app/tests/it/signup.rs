//! Joining by oneself: sign-up with the terms as a consent, the confirmation link (once, 24 h),
//! an address already taken (a mail, never a disclosure), and requests to join answered by the
//! right managers, with the answer mailed.

use crate::on_every_backend;
use app::auth::NewUser;
use app::signup::{JoinInput, SignUp};
use app::AppError;
use domain::{Actor, ClusterInput, OrganisationInput};

const PASSWORD: &str = "quartz lantern meadow 42";

fn link(app_mail: &domain::OutboxMail, path: &str) -> String {
    let url = app_mail.mail.body_text.split_whitespace().find(|w| w.contains(path)).unwrap().to_string();
    url.rsplit('/').next().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_confirm_claim_and_create_answered_by_the_right_managers() {
    on_every_backend(|app, label| async move {
        let sys = Actor::system();
        let cluster = |slug: &str| ClusterInput {
            slug: slug.into(),
            name: slug.to_uppercase(),
            sector: "s".into(),
            description: "d".into(),
        };
        let space = app.create_cluster(&sys, &cluster("space")).await.unwrap();
        let ict = app.create_cluster(&sys, &cluster("ict")).await.unwrap();
        let org = OrganisationInput {
            name: "Orbital Works".into(),
            kind: "company".into(),
            country: "LU".into(),
            ..Default::default()
        };
        let orbital = app.create_org(&sys, &org).await.unwrap();
        app.add_membership(&sys, orbital, "space", None, None).await.unwrap();
        let manager = |email: &str, c| NewUser {
            email: email.into(),
            password: PASSWORD.into(),
            role: "manager".into(),
            clusters: vec![c],
            organisation_id: None,
        };
        let m_space = app.create_user(&sys, &manager("ms@example.org", space)).await.unwrap();
        let m_ict = app.create_user(&sys, &manager("mi@example.org", ict)).await.unwrap();
        let (m_space, m_ict) =
            (app.actor_for_user(m_space).await.unwrap().unwrap(), app.actor_for_user(m_ict).await.unwrap().unwrap());

        // The form: every mistake at once, terms included.
        let bad = SignUp { name: " ".into(), email: "nope".into(), password: "short".into(), accept_terms: false };
        let Err(AppError::Validation(e)) = app.sign_up(&bad, "192.0.2.1").await else { panic!("{label}") };
        let fields: Vec<&str> = e.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "password", "accept_terms"], "{label}");

        let form = SignUp {
            name: "Ada Lovelace".into(),
            email: "Ada@Example.org".into(),
            password: PASSWORD.into(),
            accept_terms: true,
        };
        app.sign_up(&form, "192.0.2.1").await.unwrap();
        // Taken: the same answer, a mail to the owner.
        let taken = SignUp { email: "ms@example.org".into(), ..form.clone() };
        app.sign_up(&taken, "192.0.2.1").await.unwrap();
        let to_owner = app.outbox(&sys, Some("ms@example.org"), 5).await.unwrap();
        assert_eq!(to_owner.len(), 1, "{label}");
        assert_eq!(to_owner[0].mail.kind, "address_taken");
        let mails = app.outbox(&sys, Some("ada@example.org"), 5).await.unwrap();
        assert_eq!(
            (mails.len(), mails[0].mail.kind.as_str(), mails[0].mail.security),
            (1, "email_confirmation", true),
            "{label}"
        );
        let token = link(&mails[0], "/signup/confirm/");

        let session = app.confirm_signup(&token).await.unwrap();
        assert!(
            matches!(app.confirm_signup(&token).await, Err(AppError::Conflict(m)) if m.contains("used already")),
            "{label}"
        );
        let (ada, _) = app.session(&session.token).await.unwrap().unwrap();
        assert_eq!(ada.role, Some(domain::Role::Participant), "{label}");
        assert_eq!(app.my_consents(&ada).await.unwrap(), [(app::signup::TERMS.to_string(), crate::NOW.to_string())]);

        // A claim: the Space manager answers it, the ICT manager does not see it.
        assert_eq!(app.organisations_to_claim(&ada, "orbit").await.unwrap(), [(orbital, "Orbital Works".to_string())]);
        app.request_to_join(&ada, &JoinInput::Claim(orbital)).await.unwrap();
        assert!(matches!(app.request_to_join(&ada, &JoinInput::Claim(orbital)).await, Err(AppError::Conflict(_))));
        assert!(app.join_requests_to_answer(&m_ict).await.unwrap().is_empty(), "{label}");
        let pending = app.join_requests_to_answer(&m_space).await.unwrap();
        assert_eq!((pending.len(), pending[0].organisation.as_str()), (1, "Orbital Works"), "{label}");
        assert_eq!(pending[0].request.applicant_name, "Ada Lovelace", "{label}: the name given at sign-up");
        let id = pending[0].request.id;
        assert!(matches!(app.answer_join_request(&m_ict, id, true, "").await, Err(AppError::NotFound(_))), "{label}");
        app.answer_join_request(&m_space, id, true, "Welcome aboard").await.unwrap();
        assert!(
            matches!(app.answer_join_request(&m_space, id, false, "").await, Err(AppError::Conflict(_))),
            "{label}"
        );
        let (ada, _) = app.session(&session.token).await.unwrap().unwrap();
        assert_eq!((ada.role, ada.organisation_id), (Some(domain::Role::Member), Some(orbital)), "{label}");
        let answer = &app.outbox(&sys, Some("ada@example.org"), 1).await.unwrap()[0];
        assert!(answer.mail.kind == "join_answer" && answer.mail.body_text.contains("Welcome aboard"), "{label}");
        assert!(answer.unsubscribe_url.is_some(), "{label}: not a security mail");

        // A new organisation asking two clusters: each manager answers for theirs.
        let bob = SignUp {
            name: "Bob".into(),
            email: "bob@example.org".into(),
            password: PASSWORD.into(),
            accept_terms: true,
        };
        app.sign_up(&bob, "192.0.2.2").await.unwrap();
        let token = link(&app.outbox(&sys, Some("bob@example.org"), 1).await.unwrap()[0], "/signup/confirm/");
        let s = app.confirm_signup(&token).await.unwrap();
        let (bob, _) = app.session(&s.token).await.unwrap().unwrap();
        let new = OrganisationInput {
            name: "Bob's Bits".into(),
            kind: "company".into(),
            country: "lu".into(),
            ..Default::default()
        };
        let Err(AppError::Validation(e)) = app
            .request_to_join(&bob, &JoinInput::Create { organisation: Box::new(new.clone()), clusters: vec![] })
            .await
        else {
            panic!("{label}")
        };
        assert_eq!(e[0].field, "clusters");
        app.request_to_join(&bob, &JoinInput::Create { organisation: Box::new(new), clusters: vec![space, ict] })
            .await
            .unwrap();
        let ict_rows = app.join_requests_to_answer(&m_ict).await.unwrap();
        assert_eq!((ict_rows.len(), ict_rows[0].cluster.as_str()), (1, "ICT"), "{label}");
        app.answer_join_request(&m_ict, ict_rows[0].request.id, false, "Not in our sector").await.unwrap();
        let space_rows = app.join_requests_to_answer(&m_space).await.unwrap();
        app.answer_join_request(&m_space, space_rows[0].request.id, true, "").await.unwrap();
        let (bob, _) = app.session(&s.token).await.unwrap().unwrap();
        let org = bob.organisation_id.expect("created at approval");
        assert_eq!(app.organisation(org).await.unwrap().display_name(), "Bob's Bits", "{label}");
        assert_eq!(app.organisation_clusters(org).await.unwrap().len(), 1, "{label}: Space only");
        let mine: Vec<String> =
            app.my_join_requests(&bob).await.unwrap().iter().map(|r| r.request.status.to_string()).collect();
        assert_eq!(mine, ["approved", "declined"], "{label}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirmation_link_is_valid_until_used_and_unknown_links_are_told_apart() {
    on_every_backend(|app, label| async move {
        let form = SignUp {
            name: "Eve".into(),
            email: "eve@example.org".into(),
            password: PASSWORD.into(),
            accept_terms: true,
        };
        app.sign_up(&form, "192.0.2.1").await.unwrap();
        let token =
            link(&app.outbox(&Actor::system(), Some("eve@example.org"), 1).await.unwrap()[0], "/signup/confirm/");
        assert_eq!(app.signup_link(&token).await.unwrap(), app::recovery::LinkState::Valid);
        assert_eq!(app.signup_link("nope").await.unwrap(), app::recovery::LinkState::Unknown, "{label}");
        let _ = label;
    })
    .await;
}
