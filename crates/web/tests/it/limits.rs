//! Sign-in limits over HTTP (issue 13, findings 4 and 9): the client address comes from the
//! socket unless a trusted proxy vouches for `X-Forwarded-For`, a known browser gets past a
//! lockout that others caused, every 429 says when to retry, and oversized sign-ins are refused
//! before anything is stored.

use crate::support::{email, on_every_backend, TestApp, PASSWORD};

/// A server on the same app, with `--trusted-proxy` ranges.
async fn behind_proxy(t: &TestApp, proxies: &[&str]) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let trusted_proxies = proxies.iter().map(|p| web::parse_proxy_range(p).unwrap()).collect();
    let options = web::Options { trusted_proxies, ..Default::default() };
    tokio::spawn(web::serve(t.app.clone(), options, listener, std::future::pending()));
    base
}

/// Posts the sign-in form (with its double-submit CSRF cookie) from `forwarded_for`.
async fn sign_in(
    t: &TestApp,
    base: &str,
    who: &str,
    password: &str,
    forwarded_for: &str,
    device: Option<&str>,
) -> reqwest::Response {
    let mut cookie = "cb_csrf=k".to_string();
    if let Some(d) = device {
        cookie.push_str(&format!("; cb_device={d}"));
    }
    let body = serde_urlencoded::to_string([("csrf", "k"), ("email", who), ("password", password)]).unwrap();
    t.http
        .post(format!("{base}/login"))
        .header("cookie", cookie)
        .header("x-forwarded-for", forwarded_for)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forwarded_for_counts_only_behind_a_trusted_proxy() {
    on_every_backend(|t| async move {
        let keys = || t.app.login_limiter_usage().keys;
        // No trusted proxy: three "addresses" in the header are one socket, one key.
        let before = keys();
        for i in 1..=3 {
            let r = sign_in(&t, &t.base, "nobody-a@example.org", "wrong", &format!("203.0.113.{i}"), None).await;
            assert_eq!(r.status(), 422, "{}", t.label);
        }
        assert_eq!(keys() - before, 2, "{}: one account and the socket's address", t.label);
        // Behind a trusted proxy the right-most untrusted hop is the client; what it wrote
        // to the left of itself is not believed.
        let base = behind_proxy(&t, &["127.0.0.1/32", "10.0.0.0/8"]).await;
        let before = keys();
        for i in 1..=3 {
            let hops = format!("6.6.6.6, 203.0.113.{i}, 10.1.2.3");
            let r = sign_in(&t, &base, "nobody-b@example.org", "wrong", &hops, None).await;
            assert_eq!(r.status(), 422, "{}", t.label);
        }
        assert_eq!(keys() - before, 4, "{}: one account and three addresses", t.label);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_that_signed_in_before_gets_past_a_lockout_others_caused() {
    on_every_backend(|t| async move {
        let base = behind_proxy(&t, &["127.0.0.1/32"]).await;
        let admin = email("admin");
        let r = sign_in(&t, &base, &admin, PASSWORD, "192.0.2.1", None).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        let cookies: Vec<String> =
            r.headers().get_all("set-cookie").iter().map(|v| v.to_str().unwrap().to_string()).collect();
        let set = cookies.iter().find(|c| c.starts_with("cb_device=")).expect("a device cookie");
        for attribute in ["; Path=/login", "; HttpOnly", "; SameSite=Lax", "; Max-Age=31536000"] {
            assert!(set.contains(attribute), "{set}");
        }
        let device = set.trim_start_matches("cb_device=").split(';').next().unwrap().to_string();
        for i in 0..app::auth::MAX_FAILURES {
            let r = sign_in(&t, &base, &admin, "guess", &format!("198.51.100.{i}"), None).await;
            assert_eq!(r.status(), 422, "{}", t.label);
        }
        let r = sign_in(&t, &base, &admin, PASSWORD, "192.0.2.1", None).await;
        assert_eq!(r.status(), 429, "{}: a browser the account does not know waits", t.label);
        let retry: u64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
        assert_eq!(retry, 180, "{}", t.label);
        let r = sign_in(&t, &base, &admin, PASSWORD, "192.0.2.1", Some(&device)).await;
        assert_eq!(r.status(), 303, "{}: the owner's browser gets in", t.label);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_sign_ins_are_refused_before_anything_is_stored() {
    on_every_backend(|t| async move {
        let long = format!("{}@example.org", "x".repeat(300));
        let r = sign_in(&t, &t.base, &long, "wrong", "", None).await;
        assert_eq!(r.status(), 422, "{}", t.label);
        let huge = format!("{}@example.org", "x".repeat(900 * 1024));
        let r = sign_in(&t, &t.base, &huge, "wrong", "", None).await;
        assert_eq!(r.status(), 413, "{}", t.label);
        assert_eq!(t.app.login_limiter_usage().keys, 0, "{}", t.label);
        t
    })
    .await;
}
