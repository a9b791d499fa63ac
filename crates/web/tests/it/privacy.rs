//! A person's data: the download of everything held about them, and deleting the account, by
//! its owner or by an administrator on request, keeping the organisation and an audit trail
//! without the address.

use crate::support::{email, on_every_backend, post_form as post, TestApp, PASSWORD};
use reqwest::StatusCode;
use serde_json::Value;

async fn my_data(t: &TestApp, cookie: &str) -> Value {
    let r = t.http.get(t.url("/account/data")).header("cookie", cookie).send().await.unwrap();
    assert_eq!(r.status(), 200);
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    r.json().await.unwrap()
}

async fn accounts(t: &TestApp) -> Vec<String> {
    let users = t.app.list_users(&domain::Actor::system()).await.unwrap();
    users.into_iter().map(|(u, _)| u.email).collect()
}

#[tokio::test]
async fn a_person_downloads_everything_held_about_them_without_secrets() {
    on_every_backend(|t| async move {
        let label = t.label;
        let soft = t.session("member_soft").await.unwrap();
        // A contact request to Robin, with a message: it is theirs, so it is in their file.
        let path = format!("/people/{}/contact", t.person);
        t.http
            .post(t.url(&path))
            .header("cookie", &soft.0)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                serde_urlencoded::to_string([("csrf", soft.1.as_str()), ("message", "Shall we talk about orbits?")])
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
        let data = my_data(&t, &soft.0).await;
        let text = data.to_string();
        assert_eq!(data["account"], email("member_soft"), "{label}");
        assert_eq!(data["data"]["users"][0]["email"], email("member_soft"), "{label}");
        assert!(!data["data"]["sessions"].as_array().unwrap().is_empty(), "{label}: the sessions are listed");
        for secret in ["password_hash", "token_hash", "csrf_token", "$argon2"] {
            assert!(!text.contains(secret), "{label}: {secret} must not be handed out");
        }
        let sent = data["data"]["contact_requests_sent"].as_array().unwrap();
        assert!(sent.iter().any(|c| c["message"] == "Shall we talk about orbits?"), "{label}: {sent:?}");
        // The request is not the receiving organisation's member's: only the mail sent to them is.
        let sat = t.session("member_sat").await.unwrap();
        let theirs = my_data(&t, &sat.0).await;
        assert!(theirs["data"]["contact_requests_sent"].as_array().unwrap().is_empty(), "{label}");
        let mails = theirs["data"]["outbox"].as_array().unwrap();
        assert!(mails.iter().all(|m| m["to_address"] == email("member_sat")), "{label}");
        assert!(mails.iter().any(|m| m["body_text"].as_str().unwrap().contains("orbits")), "{label}");

        // Accepting shares Robin's details: a consent of the account that accepted, with its time,
        // in the file and on the account page.
        let id = sent[0]["id"].as_i64().unwrap();
        let (status, _) = post(&t, &sat, &format!("/contact-requests/{id}/accept"), &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        let consents = my_data(&t, &sat.0).await["data"]["consents"].clone();
        let what =
            format!("contact details of Robin Example shared with {} (contact request {id})", email("member_soft"));
        assert!(consents.as_array().unwrap().iter().any(|c| c["what"] == what.as_str()), "{label}: {consents}");
        let page = t.http.get(t.url("/account")).header("cookie", &sat.0).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("What you agreed to") && page.contains(&what), "{label}");
        t
    })
    .await;
}

#[tokio::test]
async fn a_person_deletes_their_account_and_the_initiative_keeps_no_personal_data() {
    on_every_backend(|t| async move {
        let label = t.label;
        let who = email("member_sat");
        let own = t.session("member_sat").await.unwrap();

        // The wrong password deletes nothing, and says which field.
        let (status, html) = post(&t, &own, "/account/delete", &[("password", "not it")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("password"), "{label}");
        assert!(accounts(&t).await.contains(&who), "{label}");

        // A mail to someone else names them: it is rewritten too.
        let path = format!("/people/{}/contact", t.person);
        let soft = t.session("member_soft").await.unwrap();
        post(&t, &soft, &path, &[("message", "Hello")]).await;
        let soft_addr = email("member_soft");
        let (status, _) = post(&t, &soft, "/account/delete", &[("password", PASSWORD)]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        let mails = t.app.outbox(&domain::Actor::system(), None, 100).await.unwrap();
        assert!(!mails.is_empty(), "{label}: mail to others stays");
        for m in &mails {
            let all = format!("{} {} {} {}", m.mail.to_address, m.mail.subject, m.mail.body_text, m.mail.body_html);
            assert!(!all.contains(&soft_addr), "{label}: {all}");
        }

        let (status, _) = post(&t, &own, "/account/delete", &[("password", PASSWORD)]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        assert!(!accounts(&t).await.contains(&who), "{label}: the account is gone");
        let r = t.http.get(t.url("/account")).header("cookie", &own.0).send().await.unwrap();
        assert_ne!(r.status(), StatusCode::OK, "{label}: its session ended with it");
        // The organisation stays; the audit trail stays, without the address.
        assert!(t.app.organisation(domain::OrganisationId::new(t.sat)).await.is_ok(), "{label}");
        let log = t.app.audit_log(&domain::Actor::system(), 1000).await.unwrap();
        assert!(log.iter().any(|l| l.action == "delete_account"), "{label}");
        for l in &log {
            let line = format!("{} {} {}", l.actor, l.entity_id, l.detail);
            assert!(!line.contains(&who), "{label}: the log still names the address: {line}");
        }
        t
    })
    .await;
}

#[tokio::test]
async fn an_admin_deletes_an_account_on_request_but_never_the_last_admin() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let who = email("participant");
        let (status, html) =
            post(&t, &admin, "/admin/users/delete", &[("email", &who), ("confirm", "someone@else.org")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("confirm"), "{label}");
        assert!(accounts(&t).await.contains(&who), "{label}");
        let (status, _) =
            post(&t, &admin, "/admin/users/delete", &[("email", &who), ("confirm", &who.to_uppercase())]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        assert!(!accounts(&t).await.contains(&who), "{label}");

        // The only administrator cannot delete their own account: the initiative would be headless.
        let (status, _) = post(&t, &admin, "/account/delete", &[("password", PASSWORD)]).await;
        assert_eq!(status, StatusCode::CONFLICT, "{label}");
        assert!(accounts(&t).await.contains(&email("admin")), "{label}");
        t
    })
    .await;
}
