//! Mail over HTTP: the forgotten password journey (the same answer for every address, a link
//! that works once for an hour and ends every session, rate limits per address and per target),
//! the admins' outbox page, and the one-click unsubscribe link.

use crate::support::{email, on_every_backend, TestApp, PASSWORD};
use reqwest::StatusCode;

/// An anonymous form, with the double-submit CSRF cookie.
async fn anonymous_form(t: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    let mut pairs = vec![("csrf", "k")];
    pairs.extend_from_slice(fields);
    t.http
        .post(t.url(path))
        .header("cookie", "cb_csrf=k")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap()
}

/// The reset links in the outbox for `to`, newest first, as paths.
async fn reset_links(t: &TestApp, to: &str) -> Vec<String> {
    let mails = t.app.outbox(&domain::Actor::system(), Some(to), 50).await.unwrap();
    mails
        .iter()
        .filter(|m| m.mail.kind == "password_reset")
        .filter_map(|m| {
            m.mail.body_text.split_whitespace().find(|w| w.contains("/password/reset/")).map(str::to_string)
        })
        .map(|url| url.trim_start_matches("http://127.0.0.1:8080").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forgotten_password_is_reset_once_by_a_mailed_link_that_ends_every_session() {
    on_every_backend(|t| async move {
        let label = t.label;
        let page = t.http.get(t.url("/login")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("href=\"/password/forgot\""), "{label}: the sign-in page links to it");
        let form = t.http.get(t.url("/password/forgot")).send().await.unwrap();
        assert_eq!(form.status(), 200);
        assert!(form.headers().get("set-cookie").unwrap().to_str().unwrap().starts_with("cb_csrf="));
        assert!(form.text().await.unwrap().contains("name=\"csrf\""));

        // Known and unknown addresses get the same answer; only the known one gets mail.
        let session = t.session("member_sat").await.unwrap();
        let known = anonymous_form(&t, "/password/forgot", &[("email", "Member_Sat@example.org")]).await;
        let unknown = anonymous_form(&t, "/password/forgot", &[("email", "nobody@example.org")]).await;
        for r in [&known, &unknown] {
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
            assert_eq!(r.headers()["location"], "/login");
        }
        assert_eq!(
            known.headers().get_all("set-cookie").iter().count(),
            unknown.headers().get_all("set-cookie").iter().count()
        );
        assert!(t.app.outbox(&domain::Actor::system(), Some("nobody@example.org"), 5).await.unwrap().is_empty());
        let links = reset_links(&t, &email("member_sat")).await;
        assert_eq!(links.len(), 1, "{label}");
        let link = &links[0];
        let mail = &t.app.outbox(&domain::Actor::system(), Some(&email("member_sat")), 5).await.unwrap()[0];
        assert!(mail.mail.security && mail.unsubscribe_url.is_none(), "{label}: a security mail, no unsubscribe");
        assert!(mail.mail.body_html.contains("/password/reset/"), "{label}");

        // The link's page; a refused password leaves the link usable.
        let page = t.http.get(t.url(link)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{label}");
        let r = anonymous_form(&t, link, &[("password", "short"), ("password_again", "short")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(r.text().await.unwrap().contains("password"), "{label}");
        let r = anonymous_form(&t, link, &[("password", "a new and long one 7"), ("password_again", "another")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        let new = "quartz lantern meadow 42";
        let r = anonymous_form(&t, link, &[("password", new), ("password_again", new)]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        assert_eq!(r.headers()["location"], "/login");
        let home = t.http.get(t.url("/account")).header("cookie", &session.0).send().await.unwrap();
        assert_eq!(home.status(), StatusCode::UNAUTHORIZED, "{label}: the old session ended");
        assert!(t.app.login(&email("member_sat"), PASSWORD, "test").await.is_err(), "{label}: old password");
        assert!(t.app.login(&email("member_sat"), new, "test").await.is_ok(), "{label}: new password");

        // Reused: a clear message, nothing changed.
        let again = t.http.get(t.url(link)).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::CONFLICT, "{label}");
        assert!(again.text().await.unwrap().contains("used already"), "{label}");
        let r = anonymous_form(
            &t,
            link,
            &[("password", "yet another long one 9"), ("password_again", "yet another long one 9")],
        )
        .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "{label}");
        assert!(t.app.login(&email("member_sat"), new, "test").await.is_ok(), "{label}");

        // Expired after an hour.
        anonymous_form(&t, "/password/forgot", &[("email", &email("member_soft"))]).await;
        let link = reset_links(&t, &email("member_soft")).await.remove(0);
        t.clock.advance(chrono::Duration::minutes(61));
        let r = t.http.get(t.url(&link)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT, "{label}");
        assert!(r.text().await.unwrap().contains("expired"), "{label}");
        let r = t.http.get(t.url("/password/reset/0123abc")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{label}: unknown link");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_requests_are_limited_per_target_address_whether_or_not_it_has_an_account() {
    on_every_backend(|t| async move {
        let label = t.label;
        for target in ["admin@example.org", "ghost@example.org"] {
            for _ in 0..app::mail_limits::PER_TARGET {
                let r = anonymous_form(&t, "/password/forgot", &[("email", target)]).await;
                assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
            }
            let r = anonymous_form(&t, "/password/forgot", &[("email", target)]).await;
            assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{label}: {target}");
            assert!(r.headers().contains_key("retry-after"));
        }
        // The API answers the same way.
        let r = t
            .api(reqwest::Method::POST, "/password/forgot", "anonymous")
            .json(&serde_json::json!({"email": "x@example.org"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::ACCEPTED, "{label}");
        let r = t
            .api(reqwest::Method::POST, "/password/forgot", "anonymous")
            .json(&serde_json::json!({"email": "not an address"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbox_page_shows_admins_every_mail_and_unsubscribe_is_one_click() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let r = t
            .http
            .post(t.url("/admin/outbox/test"))
            .header("cookie", &admin.0)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string([("csrf", admin.1.as_str()), ("to", "ada@example.org")]).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let page = t.http.get(t.url("/admin/outbox")).header("cookie", &admin.0).send().await.unwrap();
        assert_eq!(page.status(), 200, "{label}");
        let html = page.text().await.unwrap();
        assert!(html.contains("ada@example.org") && html.contains("1 waiting, 0 sent"), "{label}: {html}");
        let mail = t.app.outbox(&domain::Actor::system(), Some("ada@example.org"), 1).await.unwrap().remove(0);
        let url = mail.unsubscribe_url.unwrap();
        let path = url.trim_start_matches("http://127.0.0.1:8080");
        assert!(path.starts_with("/unsubscribe/"), "{url}");
        let page = t.http.get(t.url(path)).send().await.unwrap();
        assert_eq!(page.status(), 200, "{label}: a button, not an unsubscription");
        // The mail program's one-click POST (RFC 8058): no cookie, no CSRF token.
        let r = t
            .http
            .post(t.url(path))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("List-Unsubscribe=One-Click")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        assert!(!t.app.send_test_mail(&domain::Actor::system(), "ada@example.org", "Ada").await.unwrap(), "{label}");
        let r = t.http.post(t.url("/unsubscribe/unknown")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{label}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_meeting_request_and_its_answer_are_mailed_in_their_transaction() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        let call = |method: reqwest::Method, path: String, role: &'static str, body: Option<serde_json::Value>| {
            let rb = t.api(method, &path, role);
            let rb = match body {
                Some(b) => rb.json(&b),
                None => rb,
            };
            async move {
                let r = rb.send().await.unwrap();
                (r.status().as_u16(), r.json::<serde_json::Value>().await.unwrap_or_default())
            }
        };
        for role in ["member_sat", "member_soft"] {
            assert_eq!(call(reqwest::Method::POST, "/events/forum/register".into(), role, None).await.0, 201);
        }
        let soft =
            call(reqwest::Method::GET, "/events/forum".into(), "member_soft", None).await.1["me"].as_i64().unwrap();
        let body = serde_json::json!({"to": soft, "message": "Satellites for your software?"});
        let (status, v) = call(reqwest::Method::POST, "/events/forum/requests".into(), "member_sat", Some(body)).await;
        assert_eq!(status, 201, "{label}: {v}");
        let to_soft = t.app.outbox(&domain::Actor::system(), Some(&email("member_soft")), 5).await.unwrap();
        assert_eq!(to_soft.len(), 1, "{label}");
        assert_eq!(to_soft[0].mail.kind, "meeting_request");
        assert!(to_soft[0].mail.body_text.contains("Satellites for your software?"), "{label}");
        assert!(to_soft[0].mail.body_text.contains("http://127.0.0.1:8080/events/forum"), "{label}: the public URL");
        assert!(to_soft[0].unsubscribe_url.is_some());
        let request = v["id"].as_i64().unwrap();
        let (status, _) =
            call(reqwest::Method::POST, format!("/meeting-requests/{request}/accept"), "member_soft", None).await;
        assert_eq!(status, 204, "{label}");
        let to_sat = t.app.outbox(&domain::Actor::system(), Some(&email("member_sat")), 5).await.unwrap();
        assert_eq!(to_sat.len(), 1, "{label}");
        assert_eq!(to_sat[0].mail.kind, "meeting_answer");
        assert!(to_sat[0].mail.subject.contains("accepted your meeting request at Cluster Forum"), "{label}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_request_reaches_the_organisations_account_and_its_acceptance_the_asker() {
    on_every_backend(|t| async move {
        let label = t.label;
        let body = serde_json::json!({"message": "Could we talk about antennas?"});
        let path = format!("/people/{}/contact-requests", t.person);
        let r = t.api(reqwest::Method::POST, &path, "participant").json(&body).send().await.unwrap();
        assert!(r.status().is_success(), "{label}: {}", r.status());
        let id = r.json::<serde_json::Value>().await.unwrap()["id"].as_i64().unwrap();
        // Robin has no account of their own: Orbital Sat Works' member account answers.
        let to_sat = t.app.outbox(&domain::Actor::system(), Some(&email("member_sat")), 5).await.unwrap();
        assert_eq!(to_sat.len(), 1, "{label}");
        assert_eq!(to_sat[0].mail.kind, "contact_request");
        assert!(to_sat[0].mail.subject.contains("Robin Example") && to_sat[0].mail.body_text.contains("antennas"));
        let r =
            t.api(reqwest::Method::POST, &format!("/contact-requests/{id}/accept"), "member_sat").send().await.unwrap();
        assert!(r.status().is_success(), "{label}: {}", r.status());
        let to_asker = t.app.outbox(&domain::Actor::system(), Some(&email("participant")), 5).await.unwrap();
        assert_eq!(to_asker.len(), 1, "{label}");
        assert_eq!(to_asker[0].mail.subject, "Robin Example accepted your contact request", "{label}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_revokes_an_accounts_tokens_and_sends_it_a_reset_from_the_accounts_page() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let post = |path: &'static str, who: &'static str| {
            t.http
                .post(t.url(path))
                .header("cookie", &admin.0)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string([("csrf", admin.1.as_str()), ("email", &email(who))]).unwrap())
                .send()
        };
        assert_eq!(t.api(reqwest::Method::GET, "/me", "member_soft").send().await.unwrap().status(), 200);
        assert_eq!(post("/admin/users/revoke-tokens", "member_soft").await.unwrap().status(), StatusCode::SEE_OTHER);
        let r = t.api(reqwest::Method::GET, "/me", "member_soft").send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{label}: the token is revoked");
        assert_eq!(t.api(reqwest::Method::GET, "/me", "member_sat").send().await.unwrap().status(), 200, "{label}");
        assert_eq!(post("/admin/users/reset", "member_sat").await.unwrap().status(), StatusCode::SEE_OTHER);
        assert_eq!(reset_links(&t, &email("member_sat")).await.len(), 1, "{label}");
        let page = t.http.get(t.url("/admin/users?q=member")).header("cookie", &admin.0).send().await.unwrap();
        let html = page.text().await.unwrap();
        assert!(html.contains(&email("member_sat")) && !html.contains(&email("manager_ict")), "{label}: the search");
        t
    })
    .await;
}
