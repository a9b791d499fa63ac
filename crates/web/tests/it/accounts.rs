//! The account's own credentials over HTTP: API tokens listed and revoked (another account's
//! token is 404 to every role), signing out everywhere, the password form, and the sign-in
//! form's answer to a disabled account. Each as the API and as the account page's forms.

use crate::support::{email, on_every_backend, TestApp, PASSWORD, ROLES};
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// `(id, name)` of a role's tokens, through the API.
async fn tokens(t: &TestApp, role: &str) -> Vec<(i64, String)> {
    let r = t.api(Method::GET, "/me/tokens", role).send().await.unwrap();
    assert_eq!(r.status(), 200, "{role}");
    let v: Value = r.json().await.unwrap();
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_i64().unwrap(), i["name"].as_str().unwrap().into()))
        .collect()
}

/// A form posted to `path` with this session (cookie, CSRF token) and extra fields.
async fn form(t: &TestApp, path: &str, session: &(String, String), fields: &[(&str, &str)]) -> reqwest::Response {
    let mut pairs = vec![("csrf", session.1.as_str())];
    pairs.extend_from_slice(fields);
    t.http
        .post(t.url(path))
        .header("cookie", &session.0)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap()
}

async fn page_status(t: &TestApp, path: &str, cookie: &str) -> StatusCode {
    t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_tokens_are_listed_and_revoked_by_their_own_account_only() {
    on_every_backend(|t| async move {
        let r = t.api(Method::GET, "/me/tokens", "anonymous").send().await.unwrap();
        assert_eq!(r.status(), 401, "{}", t.label);
        for role in ROLES.iter().filter(|r| **r != "anonymous") {
            let body = t.api(Method::GET, "/me/tokens", role).send().await.unwrap().text().await.unwrap();
            assert!(!body.contains(t.token(role).unwrap()), "{role}: the token itself is never listed");
            let v: Value = serde_json::from_str(&body).unwrap();
            assert_eq!(v["items"].as_array().unwrap().len(), 1, "{role}: only its own token");
            assert_eq!(v["items"][0]["name"], "test");
            assert_eq!(v["items"][0]["created_at"], crate::support::NOW);
        }
        let (sat_token, _) = tokens(&t, "member_sat").await[0];
        // Another account's token is not found to every role, admins included; anonymous is 401.
        for role in ROLES.iter().filter(|r| **r != "member_sat") {
            let r = t.api(Method::DELETE, &format!("/me/tokens/{sat_token}"), role).send().await.unwrap();
            let expected = if *role == "anonymous" { 401 } else { 404 };
            assert_eq!(r.status(), expected, "{} as {role}", t.label);
        }
        let other = t.session("member_soft").await.unwrap();
        let r = form(&t, &format!("/account/tokens/{sat_token}/revoke"), &other, &[]).await;
        assert_eq!(r.status(), 404, "{}: the revoke form of another account", t.label);
        let r = t.api(Method::DELETE, "/me/tokens/nonsense", "member_sat").send().await.unwrap();
        assert_eq!(r.status(), 404);
        let r = t.api(Method::GET, "/me", "member_sat").send().await.unwrap();
        assert_eq!(r.json::<Value>().await.unwrap()["signed_in"], true, "the token survived every attempt");

        // Its owner revokes it: the next request with it is 401.
        let r = t.api(Method::DELETE, &format!("/me/tokens/{sat_token}"), "member_sat").send().await.unwrap();
        assert_eq!(r.status(), 204, "{}", t.label);
        let r = t.api(Method::GET, "/me", "member_sat").send().await.unwrap();
        assert_eq!(r.status(), 401, "{}: a revoked token", t.label);

        // The account page lists tokens with a revoke button each; the form revokes.
        let sys = domain::Actor::system();
        let secret = t.app.create_api_token(&sys, &email("member_soft"), "deploy script").await.unwrap();
        let html = t.http.get(t.url("/account")).header("cookie", &other.0).send().await.unwrap().text().await.unwrap();
        assert!(html.contains("API tokens") && html.contains("deploy script"), "{html}");
        assert!(!html.contains(&secret) && !html.contains(t.token("member_soft").unwrap()));
        let (id, _) = tokens(&t, "member_soft").await.into_iter().find(|(_, n)| n == "deploy script").unwrap();
        assert!(html.contains(&format!(r#"action="/account/tokens/{id}/revoke""#)), "{html}");
        let r = form(&t, &format!("/account/tokens/{id}/revoke"), &(other.0.clone(), "forged".into()), &[]).await;
        assert_eq!(r.status(), 400, "a revoke form needs its CSRF token");
        let r = form(&t, &format!("/account/tokens/{id}/revoke"), &other, &[]).await;
        assert_eq!((r.status().as_u16(), r.headers()["location"].to_str().unwrap()), (303, "/account"));
        assert_eq!(tokens(&t, "member_soft").await.len(), 1, "{}", t.label);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_this_browser_other_browsers_and_tokens() {
    on_every_backend(|t| async move {
        let r = t.api(Method::POST, "/me/sessions/end", "anonymous").send().await.unwrap();
        assert_eq!(r.status(), 401);
        // Through the API: this very token ends too.
        let browser = t.session("participant").await.unwrap();
        let r = t.api(Method::POST, "/me/sessions/end", "participant").send().await.unwrap();
        assert_eq!(r.status(), 200, "{}", t.label);
        let v: Value = r.json().await.unwrap();
        assert_eq!((v["sessions_ended"].as_i64(), v["tokens_ended"].as_i64()), (Some(1), Some(1)), "{v}");
        assert_eq!(t.api(Method::GET, "/me/tokens", "participant").send().await.unwrap().status(), 401);
        assert_eq!(page_status(&t, "/account", &browser.0).await, 401, "{}", t.label);

        // Through the account page: back to the sign-in page with the cookie cleared.
        let here = t.session("member_sat").await.unwrap();
        let there = t.session("member_sat").await.unwrap();
        let mine = t.session("member_soft").await.unwrap();
        let r = form(&t, "/account/sign-out-everywhere", &(here.0.clone(), "forged".into()), &[]).await;
        assert_eq!(r.status(), 400);
        let r = form(&t, "/account/sign-out-everywhere", &here, &[]).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/login");
        assert!(r.headers()["set-cookie"].to_str().unwrap().starts_with("cb_session=;"));
        assert_eq!(page_status(&t, "/account", &here.0).await, 401);
        assert_eq!(page_status(&t, "/account", &there.0).await, 401);
        assert_eq!(t.api(Method::GET, "/me", "member_sat").send().await.unwrap().status(), 401);
        assert_eq!(page_status(&t, "/account", &mine.0).await, 200, "another account stays signed in");
        assert_eq!(t.api(Method::GET, "/me", "member_soft").send().await.unwrap().status(), 200);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_password_form_keeps_this_browser_and_signs_out_the_rest() {
    on_every_backend(|t| async move {
        let here = t.session("member_sat").await.unwrap();
        let there = t.session("member_sat").await.unwrap();
        let weak = [("current_password", PASSWORD), ("new_password", "password123")];
        let r = form(&t, "/account/password", &here, &weak).await;
        assert_eq!(r.status(), 422, "{}", t.label);
        let html = r.text().await.unwrap();
        assert!(html.contains("password: is too easy to guess: This is a very common password."), "{html}");
        let wrong = [("current_password", "not it at all"), ("new_password", "orbit lantern cactus rehearsal")];
        let html = form(&t, "/account/password", &here, &wrong).await.text().await.unwrap();
        assert!(html.contains("current_password: is not this account&#39;s password"), "{html}");
        assert_eq!(page_status(&t, "/account", &there.0).await, 200, "a refused change signs nobody out");

        let good = [("current_password", PASSWORD), ("new_password", "orbit lantern cactus rehearsal")];
        let r = form(&t, "/account/password", &here, &good).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/account");
        let cookies: Vec<&str> = r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap()).collect();
        let set = cookies.iter().find(|c| c.starts_with("cb_session=")).expect("a fresh session cookie");
        assert!(set.contains("HttpOnly"), "{set}");
        let flash = cookies.iter().find(|c| c.starts_with("cb_flash=")).expect("the confirmation");
        let cookie = format!("{}; {}", set.split(';').next().unwrap(), flash.split(';').next().unwrap());
        let html = t.http.get(t.url("/account")).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(html.status(), 200, "this browser stays signed in");
        assert!(html.text().await.unwrap().contains("Password changed."));
        assert_eq!(page_status(&t, "/account", &there.0).await, 401, "{}: the other browser", t.label);
        assert_eq!(page_status(&t, "/account", &here.0).await, 401, "the old cookie is replaced");
        assert_eq!(t.api(Method::GET, "/me", "member_sat").send().await.unwrap().status(), 401, "tokens end");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disabled_account_is_told_so_at_sign_in_and_loses_its_sessions() {
    on_every_backend(|t| async move {
        let browser = t.session("member_sat").await.unwrap();
        t.app.set_account_disabled(&domain::Actor::system(), &email("member_sat"), true).await.unwrap();
        assert_eq!(page_status(&t, "/account", &browser.0).await, 401, "{}", t.label);
        assert_eq!(t.api(Method::GET, "/me", "member_sat").send().await.unwrap().status(), 401);
        let csrf = "c".repeat(64);
        let sign_in = |password: &'static str| {
            let body = [("csrf", csrf.as_str()), ("email", &email("member_sat")), ("password", password)];
            t.http
                .post(t.url("/login"))
                .header("cookie", format!("cb_csrf={csrf}"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(body).unwrap())
                .send()
        };
        let r = sign_in(PASSWORD).await.unwrap();
        assert_eq!(r.status(), 422, "{}", t.label);
        assert!(r.text().await.unwrap().contains("This account is disabled."));
        let r = sign_in("wrong").await.unwrap();
        assert!(r.text().await.unwrap().contains("Wrong e-mail or password."), "a wrong password learns nothing");
        t.app.set_account_disabled(&domain::Actor::system(), &email("member_sat"), false).await.unwrap();
        assert_eq!(sign_in(PASSWORD).await.unwrap().status(), 303, "{}", t.label);
        t
    })
    .await;
}
