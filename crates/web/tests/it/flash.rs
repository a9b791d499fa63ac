//! Feedback that survives the redirect: a page form's `303` carries a short-lived `cb_flash`
//! cookie naming a fixed message, the next page shows it once in `role="status"` and clears it.

use crate::support::{on_every_backend, TestApp};

/// The `Set-Cookie` of `name` in a response, if any.
fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

async fn post(t: &TestApp, path: &str, cookie: &str, pairs: &[(&str, &str)]) -> reqwest::Response {
    t.http
        .post(t.url(path))
        .header("cookie", cookie)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(pairs).unwrap())
        .send()
        .await
        .unwrap()
}

async fn get(t: &TestApp, path: &str, cookie: &str) -> reqwest::Response {
    t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_form_says_so_once_on_the_page_it_lands_on() {
    on_every_backend(|t| async move {
        let (session, csrf) = t.session("member_sat").await.unwrap();
        let edit = format!("/organisations/{}/edit", t.sat);
        let fields = [("csrf", csrf.as_str()), ("name", "Orbital Sat Works"), ("kind", "company"), ("country", "LU")];
        let r = post(&t, &edit, &session, &fields).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        let target = r.headers()["location"].to_str().unwrap().to_string();
        assert_eq!(target, format!("/organisations/{}", t.sat));
        let set = set_cookie(&r, "cb_flash").expect("the redirect carries the flash");
        for attribute in ["cb_flash=profile-saved;", "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=60"] {
            assert!(set.contains(attribute), "{set} lacks {attribute}");
        }

        let flash = set.split(';').next().unwrap();
        let page = get(&t, &target, &format!("{session}; {flash}")).await;
        assert_eq!(page.status(), 200);
        let cleared = set_cookie(&page, "cb_flash").expect("the page clears the flash");
        assert!(cleared.starts_with("cb_flash=;") && cleared.contains("Max-Age=0"), "{cleared}");
        let html = page.text().await.unwrap();
        assert!(html.contains(r#"<p class="flash" role="status">Profile saved.</p>"#), "{html}");
        assert_eq!(html.matches("Profile saved.").count(), 1);

        // Without the cookie (the browser dropped it), the next page says nothing.
        let again = get(&t, &target, &session).await;
        assert!(set_cookie(&again, "cb_flash").is_none());
        assert!(!again.text().await.unwrap().contains("role=\"status\">Profile saved."));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_message_is_a_key_and_its_argument_is_escaped() {
    on_every_backend(|t| async move {
        let (session, csrf) = t.session("member_sat").await.unwrap();
        let name = "Ground <b>stations</b> & co";
        let r =
            post(&t, "/saved-searches", &session, &[("csrf", &csrf), ("name", name), ("q", "ground station")]).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/account");
        let set = set_cookie(&r, "cb_flash").unwrap();
        assert!(set.starts_with("cb_flash=search-saved.Ground%20%3Cb%3E"), "{set}");
        let flash = set.split(';').next().unwrap();
        let html = get(&t, "/account", &format!("{session}; {flash}")).await.text().await.unwrap();
        assert!(html.contains("Search “Ground &#60;b&#62;stations&#60;/b&#62; &#38; co” saved."), "{html}");

        // A cookie that names no message, or smuggles markup, shows nothing and breaks nothing.
        for forged in ["cb_flash=%3Cscript%3E", "cb_flash=profile-saved.%ZZ", "cb_flash=nothing-we-know"] {
            let page = get(&t, "/account", &format!("{session}; {forged}")).await;
            assert_eq!(page.status(), 200, "{forged}");
            assert!(set_cookie(&page, "cb_flash").unwrap().contains("Max-Age=0"), "{forged} is cleared");
            assert!(!page.text().await.unwrap().contains(r#"class="flash""#), "{forged}");
        }

        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registering_for_an_event_says_so() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let (session, csrf) = t.session("member_sat").await.unwrap();
        let r = post(&t, "/events/forum/register", &session, &[("csrf", &csrf)]).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        let set = set_cookie(&r, "cb_flash").unwrap();
        assert!(set.starts_with("cb_flash=registered;"), "{set}");
        let flash = set.split(';').next().unwrap();
        let html = get(&t, "/events/forum", &format!("{session}; {flash}")).await.text().await.unwrap();
        assert!(html.contains(r#"role="status">You are registered for this event.</p>"#), "{html}");
        t
    })
    .await;
}
