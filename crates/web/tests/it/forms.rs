//! Forms over plain HTTP: CSRF protection, sign-in cookies, validation messages beside fields.

use crate::support::{email, on_every_backend, PASSWORD};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forms_need_csrf_and_show_field_errors() {
    on_every_backend(|t| async move {
        let (cookie, csrf) = t.session("member_sat").await.unwrap();
        let edit = t.url(&format!("/organisations/{}/edit", t.sat));
        let form = |pairs: &[(&str, &str)]| serde_urlencoded::to_string(pairs).unwrap();

        // No token, or a wrong one: refused, nothing changed.
        for token in ["", "forged"] {
            let resp = t
                .http
                .post(&edit)
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form(&[("csrf", token), ("name", "Hacked"), ("kind", "company"), ("country", "LU")]))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), 400, "{}", t.label);
        }
        assert_eq!(t.app.organisation(domain::OrganisationId::new(t.sat)).await.unwrap().name, "Orbital Sat Works");

        // Invalid values: the form comes back with a message beside each field.
        let resp = t
            .http
            .post(&edit)
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[
                ("csrf", &csrf),
                ("name", ""),
                ("kind", "company"),
                ("country", "Luxembourg"),
                ("website", "orbital.lu"),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 422);
        let html = resp.text().await.unwrap();
        assert!(html.contains(r#"id="e-name""#) && html.contains("is required"), "{}", t.label);
        assert!(html.contains("`Luxembourg` is not an ISO 3166-1 alpha-2 country code"));
        assert!(html.contains("must start with http:// or https://"));
        assert!(html.contains(r#"value="orbital.lu""#), "what the user typed is kept");

        // Valid values: saved, then redirected to the page.
        let resp = t
            .http
            .post(&edit)
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[
                ("csrf", &csrf),
                ("name", "Orbital Sat Works"),
                ("kind", "company"),
                ("country", "LU"),
                ("offers", "Ground stations"),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 303);
        assert_eq!(t.app.organisation(domain::OrganisationId::new(t.sat)).await.unwrap().offers, "Ground stations");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sets_a_protected_cookie() {
    on_every_backend(|t| async move {
        let page = t.http.get(t.url("/login")).send().await.unwrap();
        let set = page.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
        assert!(set.starts_with("cb_csrf=") && set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
        let csrf = set.trim_start_matches("cb_csrf=").split(';').next().unwrap().to_string();
        let html = page.text().await.unwrap();
        assert!(html.contains(&format!(r#"value="{csrf}""#)));
        let post = |pairs: Vec<(&'static str, String)>, cookie: Option<String>| {
            let mut rb = t
                .http
                .post(t.url("/login"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(pairs).unwrap());
            if let Some(c) = cookie {
                rb = rb.header("cookie", c);
            }
            rb.send()
        };
        let cookie = Some(format!("cb_csrf={csrf}"));
        // Without the double-submit cookie the form is refused.
        let r = post(vec![("csrf", csrf.clone()), ("email", email("admin")), ("password", PASSWORD.into())], None)
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let r =
            post(vec![("csrf", csrf.clone()), ("email", email("admin")), ("password", "wrong".into())], cookie.clone())
                .await
                .unwrap();
        assert_eq!(r.status(), 422);
        assert!(r.text().await.unwrap().contains("Wrong e-mail or password."));
        let r = post(vec![("csrf", csrf.clone()), ("email", email("admin")), ("password", PASSWORD.into())], cookie)
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{}", t.label);
        let session = r.headers().get("set-cookie").unwrap().to_str().unwrap().to_string();
        assert!(
            session.starts_with("cb_session=") && session.contains("HttpOnly") && session.contains("SameSite=Lax"),
            "{session}"
        );
        // Wrong passwords for an account lock it for a while: the page says so and when to retry.
        let mut last = None;
        for _ in 0..=app::auth::MAX_FAILURES {
            let wrong = vec![("csrf", csrf.clone()), ("email", email("member")), ("password", "wrong".into())];
            last = Some(post(wrong, Some(format!("cb_csrf={csrf}"))).await.unwrap());
        }
        let r = last.unwrap();
        assert_eq!(r.status(), 429, "{}", t.label);
        let wait: u64 =
            r.headers().get("retry-after").expect("Retry-After on a 429").to_str().unwrap().parse().unwrap();
        assert!(wait > 0 && wait <= app::auth::FAILURE_WINDOW_SECS as u64, "{wait}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_new_event_form_keeps_what_was_typed_and_names_the_line() {
    on_every_backend(|t| async move {
        let (cookie, csrf) = t.session("manager_space").await.unwrap();
        let page = t.http.get(t.url("/events/new")).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(page.status(), 200);
        assert!(page.text().await.unwrap().contains(r#"value="space""#), "a manager's clusters are filled in");
        let (member, _) = t.session("member_sat").await.unwrap();
        assert_eq!(t.http.get(t.url("/events/new")).header("cookie", &member).send().await.unwrap().status(), 403);

        let post = |programme: &'static str| {
            let body = serde_urlencoded::to_string([
                ("csrf", csrf.as_str()),
                ("name", "Space Day"),
                ("slug", "space-day"),
                ("starts_on", "2027-05-04"),
                ("clusters", "space"),
                ("tables", "4"),
                ("capacity", "80"),
                ("agenda", "09:00-09:30 Welcome (keynote)"),
                ("programme", programme),
            ])
            .unwrap();
            t.http
                .post(t.url("/events/new"))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body)
                .send()
        };
        let r = post("morning 10:00 20 4\nafternoon 14:00 twenty 4").await.unwrap();
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        assert!(html.contains("line 2: after the time give the slot length"), "{html}");
        assert!(html.contains("afternoon 14:00 twenty 4"), "what the user typed is kept");
        assert_eq!(t.app.events().await.unwrap().len(), 0);

        // Finding 12 of issue 13: the form refuses what the API refuses, naming the field.
        let body = serde_urlencoded::to_string([
            ("csrf", csrf.as_str()),
            ("name", &"x".repeat(100_000)),
            ("description", &"y".repeat(500_000)),
            ("slug", "space-day"),
            ("starts_on", "2027-05-04"),
            ("clusters", "space"),
            (
                "programme",
                &(0..28).map(|d| format!("2027-05-{:02} s{d} 08:00 5 100", d + 4)).collect::<Vec<_>>().join("\n"),
            ),
        ])
        .unwrap();
        let r = t
            .http
            .post(t.url("/events/new"))
            .header("cookie", &cookie)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 422);
        let html = r.text().await.unwrap();
        for (field, message) in [
            ("name", "is 100000 characters long; at most 200 are allowed"),
            ("description", "is 500000 characters long; at most 20000 are allowed"),
            ("programme", "has 28 lines; at most 20 blocks (lines) are allowed"),
        ] {
            assert!(html.contains(&format!(r#"id="e-{field}">{message}"#)), "{field}: {message}");
        }
        assert_eq!(t.app.events().await.unwrap().len(), 0);

        let r = post("morning 10:00 20 4\nafternoon 14:00 20 4").await.unwrap();
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/events/space-day/organise");
        let e = t.app.events().await.unwrap();
        assert_eq!((e.len(), e[0].tables, e[0].capacity), (1, 4, 80));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn secure_cookies_when_served_over_https() {
    on_every_backend(|t| async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let options = web::Options { secure_cookies: true, ..Default::default() };
        tokio::spawn(web::serve(t.app.clone(), options, listener, std::future::pending()));
        let r = t.http.get(format!("{base}/login")).send().await.unwrap();
        let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cookie.starts_with("cb_csrf=") && cookie.ends_with("; Secure"), "{cookie}");
        // The session cookie set at sign-in, and the one that clears it at sign-out.
        let csrf = cookie.trim_start_matches("cb_csrf=").split(';').next().unwrap().to_string();
        let form =
            serde_urlencoded::to_string([("csrf", csrf.as_str()), ("email", &email("admin")), ("password", PASSWORD)]);
        let r = t
            .http
            .post(format!("{base}/login"))
            .header("cookie", format!("cb_csrf={csrf}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form.unwrap())
            .send()
            .await
            .unwrap();
        let session = r.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(session.starts_with("cb_session=") && session.ends_with("; Secure"), "{session}");
        let token = session.trim_start_matches("cb_session=").split(';').next().unwrap().to_string();
        let home = t.http.get(format!("{base}/")).header("cookie", format!("cb_session={token}")).send().await.unwrap();
        let html = home.text().await.unwrap();
        let form_csrf = html.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_string();
        let r = t
            .http
            .post(format!("{base}/logout"))
            .header("cookie", format!("cb_session={token}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("csrf={form_csrf}"))
            .send()
            .await
            .unwrap();
        let cleared = r.headers()["set-cookie"].to_str().unwrap().to_string();
        assert!(cleared.contains("Max-Age=0") && cleared.ends_with("; Secure"), "{cleared}");
        // The default (plain HTTP on loopback, the demo) leaves the flag off.
        let r = t.http.get(t.url("/login")).send().await.unwrap();
        assert!(!r.headers()["set-cookie"].to_str().unwrap().contains("Secure"));
        t
    })
    .await;
}
