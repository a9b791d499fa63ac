//! The guest journey in Chromium, on the demo (issue 16 item 2): a visitor registers for the
//! upcoming forum `cluster-forum-next` from its public page → confirms by the link mailed to
//! them (read from the outbox) → asks the demo member's organisation for a meeting → the member
//! receives the mail, signs in and accepts → the guest receives the acceptance. Once at
//! 1366 × 900 and once at 390 × 844, a screenshot of every step:
//! `target/screenshots/guest-{event,register,register-filled,registered,link,confirmed,request-sent,request-received,request-accepted}-{1366,390}.png`.

use crate::browser::{browser_with, screenshots};
use domain::Actor;
use fantoccini::{Client, Locator};
use std::sync::Arc;
use store::testdb::TestDb;

const SLUG: &str = "cluster-forum-next";

/// A server over a fresh database holding the demo, as `serve --demo` runs it.
async fn demo_server() -> (app::App, String, tokio::sync::oneshot::Sender<()>, TestDb) {
    let db = TestDb::sqlite().await.unwrap();
    let app = app::App::new(db.store.clone(), Arc::new(app::FixedClock::at(crate::support::NOW)));
    app.load_demo().await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::serve(app.clone(), web::Options::default(), listener, async {
        let _ = rx.await;
    }));
    (app, base, tx, db)
}

/// A screenshot of the page shown now, after checking that it shows every text of `expect`.
async fn step(c: &Client, name: &str, expect: &[&str]) {
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
    let html = c.source().await.unwrap();
    let main = html.split("<main").nth(1).unwrap_or(&html);
    for e in expect {
        assert!(html.contains(e), "{name} should show {e:?}; it shows:\n{}", &main[..main.len().min(3000)]);
    }
    println!("browser: {name} ok");
}

async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css)).await.unwrap().click().await.unwrap();
}

async fn type_in(c: &Client, id: &str, text: &str) {
    c.find(Locator::Id(id)).await.unwrap().send_keys(text).await.unwrap();
}

/// The path of the newest link in `to`'s mail that contains `part`.
async fn mailed_link(app: &app::App, to: &str, part: &str) -> String {
    let mails = app.outbox(&Actor::system(), Some(to), 20).await.unwrap();
    let url = mails
        .iter()
        .find_map(|m| m.mail.body_text.split_whitespace().find(|w| w.contains(part)).map(str::to_string))
        .unwrap_or_else(|| panic!("no mail to {to} with {part}"));
    url.trim_start_matches("http://127.0.0.1:8080").to_string()
}

/// The kinds of the mails to `to`, newest first.
async fn kinds(app: &app::App, to: &str) -> Vec<String> {
    app.outbox(&Actor::system(), Some(to), 50).await.unwrap().into_iter().map(|m| m.mail.kind).collect()
}

async fn sign_out(c: &Client) {
    let summary = c.find(Locator::Css("header details.menu summary")).await.unwrap();
    if summary.is_displayed().await.unwrap() {
        summary.click().await.unwrap();
    }
    for b in c.find_all(Locator::Css("header form button")).await.unwrap() {
        if b.is_displayed().await.unwrap() {
            b.click().await.unwrap();
            break;
        }
    }
    c.wait().for_element(Locator::Css("a[href='/login']")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_registers_confirms_requests_a_meeting_and_is_accepted_in_chromium() {
    let (app, base, stop, db) = demo_server().await;
    let Some((c, _driver)) = browser_with(serde_json::json!({})).await else {
        let _ = stop.send(());
        db.cleanup().await.unwrap();
        return;
    };
    let url = |path: &str| format!("{base}{path}");
    let sys = Actor::system();
    let member = "member@demo.example.org";
    let view = app.event_view(&sys, SLUG).await.unwrap();
    let member_user =
        app.list_users(&sys).await.unwrap().into_iter().find(|(u, _)| u.email == member).map(|(u, _)| u.id);
    let theirs =
        view.participants.iter().find(|p| p.user_id == member_user).expect("the demo member takes part").clone();
    for (width, height) in [(1366, 900), (390, 844)] {
        c.set_window_size(width, height).await.unwrap();
        let guest = format!("ada{width}@guest.example.org");
        // The public page: the programme and a Register button for anyone.
        c.goto(&url(&format!("/events/{SLUG}"))).await.unwrap();
        step(
            &c,
            &format!("guest-event-{width}"),
            &["Luxembourg Cluster Forum (upcoming)", "Register", "Europe/Luxembourg"],
        )
        .await;
        click(&c, &format!("main a[href='/events/{SLUG}/register']")).await;
        c.wait().for_element(Locator::Id("organisation")).await.unwrap();
        step(&c, &format!("guest-register-{width}"), &["Register for this event", "Meeting slots"]).await;
        type_in(&c, "name", &format!("Ada Lovelace {width}")).await;
        type_in(&c, "email", &guest).await;
        type_in(&c, "organisation", "Analytical Engines SARL").await;
        type_in(&c, "offers", "Data analysis for satellite imagery").await;
        type_in(&c, "needs", "Partners with ground stations").await;
        click(&c, "input[name=blocked]").await;
        click(&c, "input[name=accept_terms]").await;
        step(&c, &format!("guest-register-filled-{width}"), &["Register for this event"]).await;
        click(&c, "form.stack button[type=submit]").await;
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        step(&c, &format!("guest-registered-{width}"), &["Check your mailbox"]).await;
        assert_eq!(kinds(&app, &guest).await, ["guest_confirmation"]);

        // The mailed link: a button, then the guest is signed in on the event's page.
        let link = mailed_link(&app, &guest, "/guest/link/").await;
        c.goto(&url(&link)).await.unwrap();
        step(&c, &format!("guest-link-{width}"), &["Continue"]).await;
        click(&c, "form.stack button[type=submit]").await;
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        step(&c, &format!("guest-confirmed-{width}"), &["You are signed in to your registration", "My agenda"]).await;
        assert_eq!(kinds(&app, &guest).await, ["guest_registration", "guest_confirmation"]);

        // Whom to meet: a request to the demo member's organisation.
        c.goto(&url(&format!("/events/{SLUG}/participants"))).await.unwrap();
        let form = format!("//form[input[@name='to' and @value='{}']]", theirs.id);
        let message = format!("Shall we talk about imagery? ({width})");
        c.find(Locator::XPath(&format!("{form}//input[@name='message']")))
            .await
            .unwrap()
            .send_keys(&message)
            .await
            .unwrap();
        c.find(Locator::XPath(&format!("{form}//button"))).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        step(&c, &format!("guest-request-sent-{width}"), &["Meeting request sent."]).await;
        assert_eq!(kinds(&app, member).await.first().map(String::as_str), Some("meeting_request"));
        sign_out(&c).await;

        // The member receives the request and accepts it.
        c.goto(&url("/login")).await.unwrap();
        type_in(&c, "email", member).await;
        type_in(&c, "password", app::demo::DEMO_PASSWORD).await;
        click(&c, "form.stack button[type=submit]").await;
        c.wait().for_element(Locator::Css("a.who")).await.unwrap();
        c.goto(&url(&format!("/events/{SLUG}/requests"))).await.unwrap();
        step(&c, &format!("guest-request-received-{width}"), &[&message]).await;
        let mine = app.event_view(&sys, SLUG).await.unwrap();
        let guest_participant = mine
            .participants
            .iter()
            .find(|p| p.name.starts_with(&format!("Ada Lovelace {width}")))
            .expect("the guest takes part")
            .id;
        let member_actor = app.actor_for_user(member_user.unwrap()).await.unwrap().unwrap();
        let request = app
            .event_view(&member_actor, SLUG)
            .await
            .unwrap()
            .my_requests
            .into_iter()
            .find(|r| r.from_participant == guest_participant)
            .expect("the guest's request")
            .id;
        click(&c, &format!("form[action='/meeting-requests/{request}/accept'] button")).await;
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        step(&c, &format!("guest-request-accepted-{width}"), &["accepted"]).await;
        sign_out(&c).await;
        // Both sides were mailed: the member the request, the guest its acceptance.
        let to_guest = kinds(&app, &guest).await;
        assert_eq!(to_guest.first().map(String::as_str), Some("meeting_answer"), "{to_guest:?}");
        let answer = app.outbox(&sys, Some(&guest), 1).await.unwrap().remove(0);
        assert!(answer.mail.subject.contains("accepted"), "{}", answer.mail.subject);
        assert!(kinds(&app, member).await.contains(&"meeting_request".to_string()));
    }
    c.close().await.unwrap();
    let _ = stop.send(());
    db.cleanup().await.unwrap();
}
