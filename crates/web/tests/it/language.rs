//! The interface in English, French and German: the language of a page is the account's
//! choice, else the switcher's cookie, else `Accept-Language`, else English; `<html lang>` says
//! which; the switcher goes back only to this site; a choice is the account's own.

use crate::support::{on_every_backend, TestApp};

async fn get(t: &TestApp, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut r = t.http.get(t.url(path));
    for (k, v) in headers {
        r = r.header(*k, *v);
    }
    r.send().await.unwrap()
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

fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accept_language_chooses_the_language_of_the_page() {
    on_every_backend(|t| async move {
        let cases = [
            (None, "en", "Clusters at a glance", "Sign in"),
            (Some("fr-LU,fr;q=0.9,en;q=0.5"), "fr", "Les clusters en un coup d’œil", "Se connecter"),
            (Some("de"), "de", "Die Cluster auf einen Blick", "Anmelden"),
            (Some("lb, it;q=0.8"), "en", "Clusters at a glance", "Sign in"),
        ];
        for (accept, lang, heading, sign_in) in cases {
            let headers: Vec<(&str, &str)> = accept.map(|a| ("accept-language", a)).into_iter().collect();
            let r = get(&t, "/", &headers).await;
            assert_eq!(r.status(), 200, "{}", t.label);
            let html = r.text().await.unwrap();
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{accept:?}: {}", &html[..200]);
            assert!(html.contains(heading), "{accept:?} lacks {heading}");
            assert!(html.contains(sign_in), "{accept:?} lacks {sign_in}");
        }
        // The events list in German: its own words, the date written the German way.
        let html = get(&t, "/events", &[("accept-language", "de")]).await.text().await.unwrap();
        assert!(html.contains("<h1>Veranstaltungen</h1>"), "{html}");
        // Error pages too: the status's name and the way back, in German.
        let r = get(&t, "/no-such-page", &[("accept-language", "de")]).await;
        assert_eq!(r.status(), 404);
        let html = r.text().await.unwrap();
        assert!(html.contains("<html lang=\"de\">") && html.contains("404 · Seite nicht gefunden"), "{html}");
        assert!(html.contains("Zurück zu den Clustern"));
        // The sign-in page and its refusal, in French.
        let r = get(&t, "/login", &[("accept-language", "fr")]).await;
        let csrf_cookie = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("cb_csrf="))
            .map(|v| v.split(';').next().unwrap().to_string())
            .expect("the sign-in form sets its CSRF cookie");
        let html = r.text().await.unwrap();
        assert!(html.contains("<label for=\"password\">Mot de passe</label>"), "{html}");
        let csrf = csrf_cookie.split_once('=').unwrap().1.to_string();
        let refused = t
            .http
            .post(t.url("/login"))
            .header("cookie", &csrf_cookie)
            .header("accept-language", "fr")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(
                serde_urlencoded::to_string([
                    ("csrf", csrf.as_str()),
                    ("email", "nobody@example.org"),
                    ("password", "wrong one"),
                ])
                .unwrap(),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), 422);
        assert!(refused.text().await.unwrap().contains("Adresse e-mail ou mot de passe incorrect."));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_switcher_link_sets_a_cookie_that_beats_the_browser_and_comes_back_home_only() {
    on_every_backend(|t| async move {
        let r = get(&t, "/language?lang=de&back=/events%3Fx%3D1", &[]).await;
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/events?x=1");
        let cookie = set_cookie(&r, "cb_lang").expect("the switch sets the cookie");
        assert!(cookie.starts_with("cb_lang=de;") && cookie.contains("Path=/"), "{cookie}");
        let html = get(&t, "/", &[("cookie", "cb_lang=de"), ("accept-language", "fr")]).await.text().await.unwrap();
        assert!(html.contains("<html lang=\"de\">"), "the cookie beats Accept-Language");

        for away in ["https://evil.example/", "//evil.example/", "/\\evil.example"] {
            let path = format!("/language?lang=fr&back={}", away.replace('/', "%2F").replace('\\', "%5C"));
            let r = get(&t, &path, &[]).await;
            assert_eq!(r.status(), 303);
            assert_eq!(r.headers()["location"], "/", "{away} must not be followed");
        }
        // An unknown language is the caller's mistake, named; nothing is set.
        let r = get(&t, "/language?lang=xx&back=/", &[]).await;
        assert_eq!(r.status(), 422);
        assert!(set_cookie(&r, "cb_lang").is_none());
        assert!(r.text().await.unwrap().contains("lang"));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_keeps_its_language_and_only_its_owner_sets_it() {
    on_every_backend(|t| async move {
        let (session, csrf) = t.session("member_sat").await.unwrap();
        // A forged form changes nothing.
        let r = post(&t, "/language", &session, &[("csrf", "forged"), ("lang", "fr"), ("back", "/")]).await;
        assert_eq!(r.status(), 400, "{}", t.label);
        // Anonymous visitors have no account to set.
        let r = post(&t, "/language", "", &[("lang", "fr"), ("back", "/")]).await;
        assert_eq!(r.status(), 400);

        let r = post(&t, "/language", &session, &[("csrf", &csrf), ("lang", "fr"), ("back", "/account")]).await;
        assert_eq!(r.status(), 303);
        assert_eq!(r.headers()["location"], "/account");
        let flash = set_cookie(&r, "cb_flash").unwrap();
        let flash = flash.split(';').next().unwrap().to_string();
        // The account's choice beats the browser and the cookie, and the confirmation is in it.
        let page =
            get(&t, "/account", &[("cookie", &format!("{session}; cb_lang=de; {flash}")), ("accept-language", "de")])
                .await
                .text()
                .await
                .unwrap();
        assert!(page.contains("<html lang=\"fr\">"), "{}", &page[..200]);
        assert!(page.contains("Langue de l’interface enregistrée."), "the flash is in French");
        assert!(page.contains("<option value=\"fr\" lang=\"fr\" selected>"), "the account page shows the choice");
        // Another account is not affected.
        let (other, _) = t.session("manager_space").await.unwrap();
        let html = get(&t, "/", &[("cookie", &other)]).await.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\">"));

        // "As my browser asks" forgets the choice: Accept-Language decides again.
        let r = post(&t, "/language", &session, &[("csrf", &csrf), ("lang", ""), ("back", "/")]).await;
        assert_eq!(r.status(), 303);
        let html = get(&t, "/", &[("cookie", &session), ("accept-language", "de")]).await.text().await.unwrap();
        assert!(html.contains("<html lang=\"de\">"));
        let r = post(&t, "/language", &session, &[("csrf", &csrf), ("lang", "klingon"), ("back", "/")]).await;
        assert_eq!(r.status(), 422);
        t
    })
    .await;
}

/// The pages a visitor reads most (the directory, an organisation, a cluster, the upcoming
/// forum, the partner search) in French and in German: `<html lang>`, their headings, the kinds
/// of organisation, counts and dates written the language's way, French spacing before « : ».
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_most_read_pages_answer_in_french_and_in_german() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let org = format!("/organisations/{}", t.sat);
        let nnbsp = '\u{202f}';
        let cases: Vec<(&str, String, Vec<String>)> = vec![
            (
                "fr",
                "/organisations".into(),
                vec!["<h1>Annuaire</h1>".into(), "<td>Entreprise</td>".into(), "2 organisations.".into()],
            ),
            (
                "de",
                "/organisations".into(),
                vec!["<h1>Verzeichnis</h1>".into(), "<td>Unternehmen</td>".into(), "Seite 1 von 1".into()],
            ),
            (
                "fr",
                "/organisations?q=nothing-matches-this".into(),
                vec![format!("Aucune organisation ne correspond à «{nnbsp}nothing-matches-this{nnbsp}».")],
            ),
            (
                "de",
                "/organisations?q=nothing-matches-this".into(),
                vec!["Für „nothing-matches-this“ wurde keine Organisation gefunden.".into()],
            ),
            (
                "fr",
                org.clone(),
                vec!["<h2>Adhésions</h2>".into(), "masqué (communiqué après une demande de contact acceptée)".into()],
            ),
            (
                "de",
                org.clone(),
                vec![
                    "<h2>Mitgliedschaften</h2>".into(),
                    "verborgen (sichtbar nach angenommener Kontaktanfrage)".into(),
                ],
            ),
            (
                "fr",
                "/clusters/space".into(),
                vec!["<h2>Passerelles vers d’autres clusters</h2>".into(), "<h2>Membres (1)</h2>".into()],
            ),
            (
                "de",
                "/clusters/space".into(),
                vec!["<h2>Brücken zu anderen Clustern</h2>".into(), "<th>Mitgliedschaft</th>".into()],
            ),
            (
                "fr",
                "/events/forum".into(),
                vec!["<h2>Tables rondes thématiques</h2>".into(), "20 mars 2026".into(), "0 inscrit".into()],
            ),
            ("de", "/events/forum".into(), vec!["<h2>Thematische Runde Tische</h2>".into(), "20. März 2026".into()]),
            (
                "fr",
                "/partners?q=satellite+software".into(),
                vec!["<h1>Trouver des partenaires</h1>".into(), "Tous les clusters".into()],
            ),
            ("de", "/partners?q=satellite+software".into(), vec!["<h1>Partner finden</h1>".into(), "Nur KMU".into()]),
            ("fr", "/projects".into(), vec!["<h1>Projets</h1>".into(), "<th>Statut</th>".into()]),
            ("de", "/themes".into(), vec!["<h1>Clusterübergreifende Themen</h1>".into()]),
            (
                "fr",
                "/consortium".into(),
                vec!["<h1>Montage de consortium</h1>".into(), "Organismes de recherche".into()],
            ),
            ("de", "/api".into(), vec!["<h1>JSON-API</h1>".into(), "Parameter:".into()]),
        ];
        for (lang, path, wanted) in cases {
            let r = get(&t, &path, &[("accept-language", lang)]).await;
            assert_eq!(r.status(), 200, "{lang} {path} ({})", t.label);
            let html = r.text().await.unwrap();
            assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{lang} {path}");
            for w in wanted {
                assert!(html.contains(&w), "{lang} {path} lacks {w}: {html}");
            }
            // A French colon follows a no-break space, never a plain one.
            if lang == "fr" {
                assert!(!html.contains("Filtres :"), "{path}: plain space before a colon");
            }
        }
        t
    })
    .await;
}
