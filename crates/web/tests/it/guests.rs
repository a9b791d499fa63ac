//! Guests over HTTP (issue 16 item 2): a visitor registers for an event from its public form,
//! confirms by the mailed link (which signs them in), and later signs in by a new link; the
//! bad cases: a second registration, a name that tries to add a mail header, a member's
//! address, a reused, unknown or expired link, the sign-in form's rate limit and its silence
//! about addresses; capacity, the waiting list and the organisers' approval.

use crate::support::{email, on_every_backend, TestApp};
use domain::Actor;
use reqwest::StatusCode;

/// An anonymous form, with the double-submit CSRF cookie.
pub(crate) async fn anonymous_form(t: &TestApp, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
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

/// The guest form's fields for `name` at `address`, with a typed organisation.
pub(crate) fn guest_fields<'a>(name: &'a str, address: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("name", name),
        ("email", address),
        ("organisation", "Fresh Ideas SARL"),
        ("country", "LU"),
        ("kind", "company"),
        ("offers", "Satellite imagery analysis"),
        ("needs", "Ground stations"),
        ("accept_terms", "yes"),
    ]
}

/// The mails in the outbox for `to`, newest first: `(kind, subject, text)`.
pub(crate) async fn mails(t: &TestApp, to: &str) -> Vec<(String, String, String)> {
    let list = t.app.outbox(&Actor::system(), Some(to), 50).await.unwrap();
    list.into_iter().map(|m| (m.mail.kind, m.mail.subject, m.mail.body_text)).collect()
}

/// The path of the newest guest link mailed to `to`.
pub(crate) async fn guest_link(t: &TestApp, to: &str) -> String {
    let all = mails(t, to).await;
    let text = all.iter().find(|m| m.0 == "guest_confirmation" || m.0 == "guest_sign_in").map(|m| m.2.clone());
    let text = text.unwrap_or_else(|| panic!("no guest link for {to}: {all:?}"));
    let url = text.split_whitespace().find(|w| w.contains("/guest/link/")).unwrap();
    url.trim_start_matches("http://127.0.0.1:8080").to_string()
}

/// Uses a guest link like a browser (its button): the answer, and the session cookie it set.
pub(crate) async fn use_link(t: &TestApp, path: &str) -> (StatusCode, Option<String>) {
    let r = anonymous_form(t, path, &[]).await;
    let cookie = r
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("cb_session="))
        .map(|v| v.split(';').next().unwrap().to_string());
    (r.status(), cookie)
}

async fn participants(t: &TestApp, slug: &str) -> Vec<domain::EventParticipant> {
    t.app.event_view(&Actor::system(), slug).await.unwrap().participants
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_registers_confirms_by_the_mailed_link_and_signs_in_later_by_another() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        // The public page shows the Register button to visitors; the form is a page for anyone.
        let page = t.http.get(t.url("/events/forum")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("href=\"/events/forum/register\""), "{label}");
        let form = t.http.get(t.url("/events/forum/register")).send().await.unwrap();
        assert_eq!(form.status(), StatusCode::OK);
        assert!(form.text().await.unwrap().contains("name=\"blocked\""), "the slots to rule out");
        let slot = t.app.event_view(&Actor::system(), "forum").await.unwrap().slots[0].id.to_string();
        let mut fields = guest_fields("Ada Guest", "ada@guest.example.org");
        fields.push(("blocked", &slot));
        let r = anonymous_form(&t, "/events/forum/register", &fields).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        // Nothing is a participant until the address is confirmed.
        assert!(participants(&t, "forum").await.is_empty(), "{label}");
        let link = guest_link(&t, "ada@guest.example.org").await;
        let opened = t.http.get(t.url(&link)).send().await.unwrap();
        assert_eq!(opened.status(), StatusCode::OK, "a scanner opening the link uses nothing");
        let (status, cookie) = use_link(&t, &link).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        let cookie = cookie.expect("the link signs the guest in");
        let ps = participants(&t, "forum").await;
        assert_eq!(ps.len(), 1);
        assert_eq!(ps[0].name, "Ada Guest (Fresh Ideas SARL)");
        assert_eq!(ps[0].status, domain::ParticipantStatus::Registered);
        assert_eq!(ps[0].unavailable.iter().map(ToString::to_string).collect::<Vec<_>>(), [slot.as_str()]);
        assert_eq!(ps[0].organisation_id, None, "a typed organisation is no organisation of the registry");
        let found = t.app.organisations_to_claim(&Actor::system(), "Fresh Ideas").await.unwrap();
        assert!(found.is_empty(), "{found:?}");
        // The registration mail says where it stands; the agenda is the guest's.
        let all = mails(&t, "ada@guest.example.org").await;
        assert!(all.iter().any(|m| m.0 == "guest_registration" && m.1.contains("registered")), "{all:?}");
        let agenda = t.http.get(t.url("/events/forum/agenda")).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(agenda.status(), StatusCode::OK, "{label}");
        // The link works once.
        assert_eq!(use_link(&t, &link).await.0, StatusCode::CONFLICT);
        // Later: a sign-in link, asked for by address; it signs in and changes nothing else.
        let r = anonymous_form(&t, "/guest/sign-in", &[("email", "ada@guest.example.org")]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let again = guest_link(&t, "ada@guest.example.org").await;
        assert_ne!(again, link);
        let (status, cookie) = use_link(&t, &again).await;
        assert_eq!((status, cookie.is_some()), (StatusCode::SEE_OTHER, true), "{label}");
        let anonymous = t.http.get(t.url("/events/forum")).send().await.unwrap().text().await.unwrap();
        assert!(anonymous.contains("/events/forum/register"), "still offered to visitors");
        assert_eq!(participants(&t, "forum").await.len(), 1);
        // Another event's page offers the guest no Register button: its account is for this one.
        crate::events::two_cluster_event(&t, "duo").await;
        let cookie = cookie.unwrap();
        let duo = t.http.get(t.url("/events/duo")).header("cookie", &cookie).send().await.unwrap();
        assert!(!duo.text().await.unwrap().contains("/events/duo/register"), "{label}");
        // Whom to meet: a member sees the guest's own offer and need for this event, and finds
        // the guest by them, by the organisation typed and by its kind and country.
        let r = t.api(reqwest::Method::POST, "/events/forum/register", "member_soft").send().await.unwrap();
        assert!(r.status().is_success(), "{label}");
        let (member, _) = t.session("member_soft").await.unwrap();
        let read = |q: &'static str| {
            let url = t.url(&format!("/events/forum/participants{q}"));
            let req = t.http.get(url).header("cookie", &member);
            async move { req.send().await.unwrap().text().await.unwrap() }
        };
        let page = read("").await;
        for shown in ["Ada Guest", "Fresh Ideas SARL", "Satellite imagery analysis", "Ground stations"] {
            assert!(page.contains(shown), "{label}: {shown}");
        }
        assert!(read("?q=imagery").await.contains("Ada Guest"), "{label}");
        assert!(read("?kind=company&country=LU").await.contains("Ada Guest"), "{label}");
        assert!(!read("?q=pharmaceuticals").await.contains("Ada Guest"), "{label}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_registrations_are_refused_clearly_and_leave_nothing_half_done() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        // A header injection in the name: 422 naming the field, nothing written, nothing mailed.
        let fields = guest_fields("Eve\r\nBcc: victim@example.org", "eve@guest.example.org");
        let r = anonymous_form(&t, "/events/forum/register", &fields).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(r.text().await.unwrap().contains("name:"), "{label}");
        assert!(mails(&t, "eve@guest.example.org").await.is_empty());
        assert!(mails(&t, "victim@example.org").await.is_empty());
        // Registering twice (same address, same event): the same answer, no second account or
        // participant, and a mail that says so with a link.
        let fields = guest_fields("Bob Guest", "bob@guest.example.org");
        assert_eq!(anonymous_form(&t, "/events/forum/register", &fields).await.status(), StatusCode::SEE_OTHER);
        let first = guest_link(&t, "bob@guest.example.org").await;
        assert_eq!(use_link(&t, &first).await.0, StatusCode::SEE_OTHER);
        let r = anonymous_form(&t, "/events/forum/register", &guest_fields("Bob Again", "Bob@Guest.example.org")).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let all = mails(&t, "bob@guest.example.org").await;
        assert_eq!(all[0].0, "guest_sign_in", "{all:?}");
        assert!(all[0].2.contains("already registered"), "{}", all[0].2);
        let ps = participants(&t, "forum").await;
        assert_eq!(ps.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["Bob Guest (Fresh Ideas SARL)"]);
        // A member's address: the same answer, no guest, and a mail to the owner to sign in.
        let member = email("member_sat");
        let r = anonymous_form(&t, "/events/forum/register", &guest_fields("Mallory", &member)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let all = mails(&t, &member).await;
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].0, "guest_address_taken");
        assert!(all[0].2.contains("sign in"), "{}", all[0].2);
        assert_eq!(participants(&t, "forum").await.len(), 1);
        // Unknown and expired links.
        assert_eq!(use_link(&t, "/guest/link/not-a-token").await.0, StatusCode::NOT_FOUND);
        assert_eq!(
            anonymous_form(&t, "/events/forum/register", &guest_fields("Late", "late@guest.example.org"))
                .await
                .status(),
            StatusCode::SEE_OTHER
        );
        let late = guest_link(&t, "late@guest.example.org").await;
        t.clock.advance(chrono::Duration::hours(app::events::guests::CONFIRM_HOURS) + chrono::Duration::seconds(1));
        let r = t.http.get(t.url(&late)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT, "{label}");
        assert!(r.text().await.unwrap().contains("expired"));
        assert_eq!(use_link(&t, &late).await.0, StatusCode::CONFLICT);
        assert_eq!(participants(&t, "forum").await.len(), 1, "{label}");
        // A closed registration: unknown event is 404.
        let r = anonymous_form(&t, "/events/nope/register", &guest_fields("X", "x@guest.example.org")).await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sign_in_link_form_says_nothing_about_addresses_and_is_rate_limited() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        // A member's address and an unknown one: the same answer, and no mail.
        for address in [email("member_sat"), "ghost@example.org".to_string()] {
            let r = anonymous_form(&t, "/guest/sign-in", &[("email", &address)]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
            assert_eq!(r.headers()["location"], "/guest/sign-in");
            assert!(mails(&t, &address).await.is_empty(), "{address}");
        }
        // Per target address: the limit, then 429 with Retry-After.
        for _ in 1..app::mail_limits::PER_TARGET {
            let r = anonymous_form(&t, "/guest/sign-in", &[("email", "ghost@example.org")]).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        }
        let r = anonymous_form(&t, "/guest/sign-in", &[("email", "ghost@example.org")]).await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "{label}");
        assert!(r.headers().contains_key("retry-after"));
        // Registration counts on the same budgets.
        for _ in 0..app::mail_limits::PER_TARGET {
            let fields = guest_fields("Spam", "spam@guest.example.org");
            assert_eq!(anonymous_form(&t, "/events/forum/register", &fields).await.status(), StatusCode::SEE_OTHER);
        }
        let fields = guest_fields("Spam", "spam@guest.example.org");
        assert_eq!(anonymous_form(&t, "/events/forum/register", &fields).await.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(mails(&t, "spam@guest.example.org").await.len() as u32, app::mail_limits::PER_TARGET);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn capacity_the_waiting_list_and_approval_apply_to_guests() {
    on_every_backend(|t| async move {
        let label = t.label;
        let input = app::events::EventInput {
            slug: "small".into(),
            name: "Small forum".into(),
            starts_on: "2026-03-20".into(),
            clusters: vec!["space".into()],
            tables: 2,
            capacity: 1,
            ..Default::default()
        };
        t.app.create_event(&Actor::system(), &input, &[], &[]).await.unwrap();
        for (who, address) in [("One", "one@guest.example.org"), ("Two", "two@guest.example.org")] {
            let r = anonymous_form(&t, "/events/small/register", &guest_fields(who, address)).await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
            assert_eq!(use_link(&t, &guest_link(&t, address).await).await.0, StatusCode::SEE_OTHER);
        }
        let status = |ps: &[domain::EventParticipant], name: &str| {
            ps.iter().find(|p| p.name.starts_with(name)).map(|p| p.status).unwrap()
        };
        let ps = participants(&t, "small").await;
        assert_eq!(status(&ps, "One"), domain::ParticipantStatus::Registered);
        assert_eq!(status(&ps, "Two"), domain::ParticipantStatus::Waiting, "{label}");
        assert!(mails(&t, "two@guest.example.org").await[0].1.contains("waiting list"));
        // The organisers require approval: the next guest waits for it, then gets a place.
        let (cookie, csrf) = t.session("manager_space").await.unwrap();
        let post = |path: &str, fields: Vec<(&str, &str)>| {
            let mut pairs = vec![("csrf", csrf.as_str())];
            pairs.extend(fields);
            t.http
                .post(t.url(path))
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(pairs).unwrap())
                .send()
        };
        let r = post("/events/small/guests/approval", vec![("requires_approval", "yes")]).await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let three = "three@guest.example.org";
        assert_eq!(
            anonymous_form(&t, "/events/small/register", &guest_fields("Three", three)).await.status(),
            StatusCode::SEE_OTHER
        );
        assert_eq!(use_link(&t, &guest_link(&t, three).await).await.0, StatusCode::SEE_OTHER);
        let ps = participants(&t, "small").await;
        assert_eq!(status(&ps, "Three"), domain::ParticipantStatus::Pending, "{label}");
        let page = t.http.get(t.url("/events/small/guests")).header("cookie", &cookie).send().await.unwrap();
        let page = page.text().await.unwrap();
        assert!(page.contains(three) && page.contains("/approve"), "{label}");
        let id = ps.iter().find(|p| p.name.starts_with("Three")).unwrap().id;
        let r = post(&format!("/events/small/guests/{id}/approve"), vec![]).await.unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        // Full: approval puts the guest on the waiting list, and says so.
        assert_eq!(status(&participants(&t, "small").await, "Three"), domain::ParticipantStatus::Waiting);
        assert!(mails(&t, three).await[0].1.contains("waiting list"));
        let r = post(&format!("/events/small/guests/{id}/approve"), vec![]).await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT, "approved once");
        // Another cluster's manager organises nothing here.
        let (other, other_csrf) = t.session("manager_ict").await.unwrap();
        let r = t.http.get(t.url("/events/small/guests")).header("cookie", &other).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        let body = serde_urlencoded::to_string([("csrf", other_csrf.as_str())]).unwrap();
        let r = t
            .http
            .post(t.url(&format!("/events/small/guests/{id}/approve")))
            .header("cookie", &other)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FORBIDDEN);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guests_mails_are_in_the_language_of_the_page_they_registered_on() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        let address = "claire@guest.example.org";
        let mut pairs = vec![("csrf", "k")];
        pairs.extend(guest_fields("Claire Invitée", address));
        let r = t
            .http
            .post(t.url("/events/forum/register"))
            .header("cookie", "cb_csrf=k")
            .header("accept-language", "fr-LU,fr;q=0.9")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string(pairs).unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "{label}");
        let all = mails(&t, address).await;
        assert_eq!(all[0].1, "Confirmez votre inscription à Cluster Forum", "{label}");
        assert_eq!(use_link(&t, &guest_link(&t, address).await).await.0, StatusCode::SEE_OTHER);
        assert_eq!(mails(&t, address).await[0].1, "Vous êtes inscrit à Cluster Forum");
        // A member asks the guest for a meeting: the guest is told in French.
        let r = t.api(reqwest::Method::POST, "/events/forum/register", "member_sat").send().await.unwrap();
        assert!(r.status().is_success());
        let guest = participants(&t, "forum").await.into_iter().find(|p| p.name.starts_with("Claire")).unwrap().id;
        let r = t
            .api(reqwest::Method::POST, "/events/forum/requests", "member_sat")
            .json(&serde_json::json!({"to": guest.get(), "message": "Bonjour"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::CREATED, "{label}");
        let all = mails(&t, address).await;
        assert_eq!(all[0].0, "meeting_request");
        assert!(all[0].1.contains("vous propose un rendez-vous à Cluster Forum"), "{}", all[0].1);
        assert!(all[0].2.contains("Son message\u{a0}: Bonjour"), "{}", all[0].2);
        t
    })
    .await;
}

/// Anyone can type anyone's address into the guest form: an unconfirmed registration must not
/// keep the address's owner from signing up. Their confirmed sign-up wins, and the unconfirmed
/// guest account (with its links) is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unconfirmed_guest_registration_does_not_block_the_owners_sign_up() {
    on_every_backend(|t| async move {
        let label = t.label;
        crate::events::forum(&t).await;
        let victim = "victim@guest.example.org";
        let r = anonymous_form(&t, "/events/forum/register", &guest_fields("Squatter", victim)).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let squat = guest_link(&t, victim).await;
        let input = app::signup::SignUp {
            name: "Victor Owner".into(),
            email: victim.into(),
            password: "quartz lantern meadow 42".into(),
            accept_terms: true,
        };
        t.app.sign_up(&input, "test").await.unwrap();
        let all = mails(&t, victim).await;
        assert_eq!(all[0].0, "email_confirmation", "{label}: {all:?}");
        let url = all[0].2.split_whitespace().find(|w| w.contains("/signup/confirm/")).unwrap();
        let token = url.rsplit('/').next().unwrap();
        t.app.confirm_signup(token).await.unwrap();
        t.app.login(victim, "quartz lantern meadow 42", "test").await.unwrap();
        assert_eq!(use_link(&t, &squat).await.0, StatusCode::NOT_FOUND, "{label}: the guest's link went with it");
        assert!(participants(&t, "forum").await.is_empty());
        t
    })
    .await;
}
