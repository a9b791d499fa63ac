//! Every page in a real headless Chromium (through chromedriver): it loads, logs no console
//! error, shows its key content; screenshots go to `target/screenshots/`. Then the sign-in and
//! edit flow through the forms. Runs on SQLite: what a browser sees does not depend on the engine.

use crate::support::{email, spawn, TestApp, PASSWORD};
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use store::testdb::TestDb;

/// chromedriver's endpoint for the browser's console log (a Selenium extension it implements).
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

/// The W3C WebDriver "Print Page" command: the page as the browser prints it, a PDF in base64.
#[derive(Debug)]
struct PrintPage;

impl fantoccini::wd::WebDriverCompatibleCommand for PrintPage {
    fn endpoint(&self, base: &url::Url, session: Option<&str>) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/print", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"background": true, "orientation": "portrait"}"#.into()))
    }
}

/// Standard base64 (with padding) to bytes; enough for a PDF the browser sends.
fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let clean: Vec<u8> = text.bytes().filter(|c| c.is_ascii_alphanumeric() || *c == b'+' || *c == b'/').collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, c)| n | u32::from(value(*c)) << (18 - 6 * i));
        out.extend(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}

/// The page as printed: a PDF, and its number of pages (page objects in the file).
pub(crate) async fn print_pdf(c: &Client, name: &str) -> usize {
    let v = c.issue_cmd(PrintPage).await.unwrap();
    let pdf = base64(v.as_str().unwrap());
    std::fs::write(screenshots().join(format!("{name}.pdf")), &pdf).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

pub(crate) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Ok(p) = std::env::var(var) {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    names.iter().find_map(|n| std::env::split_paths(&path).map(|d| d.join(n)).find(|p| p.is_file()))
}

async fn browser() -> Option<(Client, Driver)> {
    browser_with(json!({})).await
}

/// A phone: 390 × 844 CSS pixels at 3× with touch and a phone's user agent (Chromium's device
/// emulation), so media queries and the viewport meta tag act as on an iPhone 12–15.
pub(crate) async fn phone() -> Option<(Client, Driver)> {
    browser_with(json!({"mobileEmulation": {
        "deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0, "touch": true, "mobile": true},
        "userAgent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
    }}))
    .await
}

/// A browser session; `extra` adds to `goog:chromeOptions` (device emulation).
pub(crate) async fn browser_with(extra: Value) -> Option<(Client, Driver)> {
    let (Some(driver), Some(chromium)) = (
        find("CLUSTERBRIDGE_CHROMEDRIVER", &["chromedriver"]),
        find("CLUSTERBRIDGE_CHROMIUM", &["chromium", "chromium-browser", "google-chrome"]),
    ) else {
        if std::env::var("CI").is_ok_and(|v| v == "true") {
            panic!("chromium and chromedriver are required when CI=true (cargo xtask ci installs them)");
        }
        eprintln!("skipping browser tests: chromium or chromedriver not found (cargo xtask ci installs them)");
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child =
        Command::new(driver).arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let driver = Driver(child);
    let profile = std::env::temp_dir().join(format!("cb-chromium-{}-{port}", std::process::id()));
    let mut caps: serde_json::Map<String, Value> = serde_json::from_value(json!({
        "browserName": "chrome",
        "goog:loggingPrefs": {"browser": "ALL"},
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--window-size=1280,1000",
                     format!("--user-data-dir={}", profile.display())]
        }
    }))
    .unwrap();
    if let (Some(options), Value::Object(extra)) = (caps.get_mut("goog:chromeOptions"), extra) {
        options.as_object_mut().unwrap().extend(extra);
    }
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    // chromedriver takes a moment to listen; try for up to ~20 s without sleeping blindly.
    for attempt in 0..100 {
        match ClientBuilder::new(connector.clone())
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => return Some((c, driver)),
            Err(e) if attempt == 99 => panic!("cannot start a browser session: {e}"),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
    None
}

pub(crate) fn screenshots() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Console messages of level SEVERE since the last call.
async fn console_errors(c: &Client) -> Vec<String> {
    let log = c.issue_cmd(BrowserLog).await.unwrap();
    log.as_array()
        .map(|entries| {
            entries
                .iter()
                .filter(|e| e["level"] == "SEVERE")
                .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

pub(crate) async fn visit(c: &Client, t: &TestApp, name: &str, path: &str, expect: &[&str]) {
    c.goto(&t.url(path)).await.unwrap();
    check(c, name, path, expect).await;
}

/// Checks the page the browser shows now.
/// Waits (up to 10 s) until the page shows `text`: after a click, the old page can still be the
/// one on screen for a moment.
pub(crate) async fn showing(c: &Client, text: &str) {
    for _ in 0..100 {
        if c.source().await.is_ok_and(|html| html.contains(text)) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the page never showed {text:?}");
}

pub(crate) async fn check(c: &Client, name: &str, path: &str, expect: &[&str]) {
    let html = c.source().await.unwrap();
    // The screenshot first: it is what explains a failure.
    let png = c.screenshot().await.unwrap();
    std::fs::write(screenshots().join(format!("{name}.png")), png).unwrap();
    let main = html.split("<main").nth(1).unwrap_or(&html);
    for e in expect {
        assert!(html.contains(e), "{name} ({path}) should show {e:?}; it shows:\n{}", &main[..main.len().min(3000)]);
    }
    // A page answered with 404 or 422 on purpose makes Chromium log that status; nothing else may.
    let errors: Vec<String> = console_errors(c)
        .await
        .into_iter()
        .filter(|e| {
            !(name.ends_with("errors") || name.ends_with("-empty") || name == "not-found")
                || !e.contains("the server responded with a status of 4")
        })
        .collect();
    assert!(errors.is_empty(), "{name} ({path}) logged console errors: {errors:?}");
    println!("browser: {name} ({path}) ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_in_chromium_without_console_errors() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    let project = t
        .app
        .create_project(
            &domain::Actor::system(),
            &domain::ProjectInput {
                title: "Satellite software for logistics".into(),
                kind: "common".into(),
                ..Default::default()
            },
            &["space".into(), "ict".into()],
        )
        .await
        .unwrap();
    t.app
        .set_partner(&domain::Actor::system(), project, domain::OrganisationId::new(t.sat), "coordinator")
        .await
        .unwrap();
    t.app
        .set_partner(&domain::Actor::system(), project, domain::OrganisationId::new(t.soft), "participant")
        .await
        .unwrap();

    visit(&c, &t, "home", "/", &["Clusters at a glance", "Space", "ICT"]).await;
    visit(&c, &t, "cluster", "/clusters/space", &["Space", "Orbital Sat Works", "Bridges to other clusters", "ICT"])
        .await;
    visit(&c, &t, "directory", "/organisations?q=orbit", &["1 organisation", "Orbital Sat Works"]).await;
    visit(&c, &t, "directory-facets", "/organisations?cluster=ict", &["Soft Systems", "Filters"]).await;
    visit(
        &c,
        &t,
        "organisation",
        &format!("/organisations/{}", t.sat),
        &["Orbital Sat Works", "Robin Example", "hidden", "Soft Systems"],
    )
    .await;
    visit(
        &c,
        &t,
        "project",
        &format!("/projects/{project}"),
        &["Satellite software for logistics", "coordinator", "Soft Systems"],
    )
    .await;
    visit(&c, &t, "projects", "/projects", &["Satellite software for logistics"]).await;
    visit(&c, &t, "api", "/api", &["/api/v1/organisations", "openapi.json"]).await;
    visit(&c, &t, "login", "/login", &["Sign in", "Password"]).await;
    visit(
        &c,
        &t,
        "find-partners",
        "/partners?q=satellite+software+for+logistics",
        &["Find partners", "suggestion", "Its work mentions"],
    )
    .await;
    visit(&c, &t, "find-partners-empty", "/partners?q=", &["is required"]).await;
    visit(&c, &t, "themes", "/themes", &["Cross-cluster themes"]).await;
    visit(&c, &t, "recommendations", &format!("/organisations/{}/recommendations", t.sat), &["Who it should meet"])
        .await;
    visit(&c, &t, "events", "/events", &["Events"]).await;
    visit(
        &c,
        &t,
        "consortium",
        "/consortium?q=satellite+software&roles=company%3D2&min_countries=1",
        &["Proposed team", "Swap"],
    )
    .await;
    visit(&c, &t, "not-found", "/organisations/999999", &["404"]).await;

    // Sign in through the form, then edit the profile through the form.
    c.goto(&t.url("/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys(&email("member_sat")).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();
    visit(&c, &t, "signed-in-home", "/", &["member_sat@example.org"]).await;
    visit(
        &c,
        &t,
        "organisation-as-member",
        &format!("/organisations/{}", t.sat),
        &["robin@example.org", "Edit profile"],
    )
    .await;
    visit(
        &c,
        &t,
        "edit-form",
        &format!("/organisations/{}/edit", t.sat),
        &["Edit Orbital Sat Works", "What you offer"],
    )
    .await;
    let name = c.find(Locator::Id("f-name")).await.unwrap();
    name.clear().await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("e-name")).await.unwrap();
    check(&c, "edit-form-errors", "(after submit)", &["Please correct the fields below", "is required"]).await;
    c.find(Locator::Id("f-name")).await.unwrap().send_keys("Orbital Sat Works").await.unwrap();
    c.find(Locator::Id("f-offers")).await.unwrap().send_keys("Satellite ground stations").await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("dl.kv")).await.unwrap();
    visit(&c, &t, "organisation-after-edit", &format!("/organisations/{}", t.sat), &["Satellite ground stations"])
        .await;
    visit(&c, &t, "find-partners-signed-in", "/partners?q=software+logistics", &["Save search"]).await;
    c.find(Locator::Id("save-name")).await.unwrap().send_keys("Logistics software").await.unwrap();
    c.find(Locator::Css("form.searchbar button[type=submit]")).await.unwrap().click().await.unwrap();
    // Wait for the account page itself: the results page being left has `article.card` too.
    c.wait().for_element(Locator::Css("form[action^='/saved-searches/']")).await.unwrap();
    check(&c, "account-with-saved-search", "/account", &["Saved searches", "Logistics software", "nothing new"]).await;
    visit(&c, &t, "account", "/account", &["Your account", "Orbital Sat Works"]).await;
    // The API tokens table (never a token itself), the password form and "sign out everywhere",
    // at a laptop's and a phone's width.
    let tokens = ["API tokens", "Revoke token test", "Change password", "Sign out everywhere"];
    for (name, width) in [("account-tokens-1366", 1366), ("account-tokens-390", 390)] {
        c.set_window_size(width, 900).await.unwrap();
        c.goto(&t.url("/account#tokens")).await.unwrap();
        check(&c, name, "/account#tokens", &tokens).await;
        assert!(!c.source().await.unwrap().contains(t.token("member_sat").unwrap()), "{name}");
        let overflow: Value = c
            .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
            .await
            .unwrap();
        let wide: Value = c.execute("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 20)", vec![]).await.unwrap();
        assert_eq!(overflow, json!(0), "{name}: the page scrolls sideways: {wide}");
    }
    c.set_window_size(1280, 1000).await.unwrap();

    // Sign out, then the admin's pages and the member form on a cluster page.
    c.find(Locator::Css("header form button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a[href='/login']")).await.unwrap();
    c.goto(&t.url("/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys(&email("admin")).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();
    visit(&c, &t, "new-cluster", "/clusters/new", &["New cluster", "Short name in addresses"]).await;
    visit(&c, &t, "edit-cluster", "/clusters/space/edit", &["Edit Space"]).await;
    visit(&c, &t, "new-organisation", "/organisations/new", &["New organisation"]).await;
    visit(&c, &t, "cluster-as-admin", "/clusters/ict", &["Add member", "End"]).await;
    c.find(Locator::Id("add-member")).await.unwrap().send_keys(&t.sat.to_string()).await.unwrap();
    c.find(Locator::Css("form.searchbar button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css(&format!("a[href='/organisations/{}']", t.sat))).await.unwrap();
    check(&c, "cluster-member-added", "/clusters/ict", &["Orbital Sat Works", "Soft Systems"]).await;
    visit(&c, &t, "split-cluster", "/clusters/space/split", &["Split Space", "Members that move to the new cluster"])
        .await;
    visit(&c, &t, "new-project", "/projects/new", &["New project", "Clusters involved"]).await;
    visit(&c, &t, "new-event", "/events/new", &["New event", "Meeting programme", "Add a row"]).await;
    visit(
        &c,
        &t,
        "edit-project",
        &format!("/projects/{project}/edit"),
        &["Edit Satellite software for logistics", "space; ict"],
    )
    .await;
    visit(&c, &t, "project-as-admin", &format!("/projects/{project}"), &["Add partner", "Edit project"]).await;
    visit(&c, &t, "audit-log", "/admin/audit", &["Audit log", "membership", "admin@example.org"]).await;

    c.close().await.unwrap();
    t.stop().await;
}

pub(crate) async fn sign_in(c: &Client, t: &TestApp, role: &str) {
    c.goto(&t.url("/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys(&email(role)).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(PASSWORD).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();
}

pub(crate) async fn sign_out(c: &Client) {
    // Narrow windows show the links in the "Menu" disclosure: open it first.
    let summary = c.find(Locator::Css("header details.menu summary")).await.unwrap();
    if summary.is_displayed().await.unwrap() {
        summary.click().await.unwrap();
    }
    let mut button = None;
    for b in c.find_all(Locator::Css("header form button")).await.unwrap() {
        if b.is_displayed().await.unwrap() {
            button = Some(b);
            break;
        }
    }
    button.expect("a visible sign-out button").click().await.unwrap();
    c.wait().for_element(Locator::Css("a[href='/login']")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn meeting_request_accept_schedule_agenda_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    crate::events::forum(&t).await;
    let soft = t
        .http
        .post(t.url("/api/v1/events/forum/register"))
        .bearer_auth(t.token("member_soft").unwrap())
        .send()
        .await
        .unwrap();
    let soft: Value = soft.json().await.unwrap();
    let soft = soft["participant"].as_i64().unwrap();

    sign_in(&c, &t, "member_sat").await;
    visit(&c, &t, "event", "/events/forum", &["Cluster Forum", "Register", "Meeting slots (3)"]).await;
    c.find(Locator::Css("form[action='/events/forum/register'] button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a[href='/events/forum/agenda']")).await.unwrap();
    // Whom to meet: the directory's card of Soft Systems, a request in one click.
    visit(
        &c,
        &t,
        "event-participants",
        "/events/forum/participants",
        &["Whom to meet", "Soft Systems", "Request a meeting"],
    )
    .await;
    let form = format!("//form[input[@name='to' and @value='{soft}']]");
    c.find(Locator::XPath(&format!("{form}//input[@name='message']")))
        .await
        .unwrap()
        .send_keys("Shall we talk about satellite software?")
        .await
        .unwrap();
    c.find(Locator::XPath(&format!("{form}//button"))).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//span[contains(@class, 'badge') and text()='Request sent']")).await.unwrap();
    check(&c, "event-request-sent", "/events/forum/participants", &["Meeting request sent.", "Request sent"]).await;
    // A reload is the same page, never a form posted again.
    c.refresh().await.unwrap();
    c.wait().for_element(Locator::Css("main h1")).await.unwrap();
    assert!(c.source().await.unwrap().contains("Request sent"));
    sign_out(&c).await;

    sign_in(&c, &t, "member_soft").await;
    visit(
        &c,
        &t,
        "event-request-received",
        "/events/forum/requests",
        &["Shall we talk about satellite software?", "Accept"],
    )
    .await;
    c.find(Locator::XPath("//form[contains(@action, '/accept')]//button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//span[contains(@class, 'badge') and text()='accepted']")).await.unwrap();
    // Soft Systems arrives for the second slot (14:20).
    c.find(Locator::Css("a[href='/events/forum/availability']")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("select[name='arrival']")).await.unwrap();
    c.find(Locator::XPath("//select[@name='arrival']/option[3]")).await.unwrap().click().await.unwrap();
    c.find(Locator::XPath("//form[contains(@action, '/availability')]//button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("p.notice.info")).await.unwrap();
    check(&c, "availability-saved", "/events/forum/availability", &["Saved: available in 2 of 3 slots"]).await;
    sign_out(&c).await;

    sign_in(&c, &t, "manager_space").await;
    // The organisers' console, one section at a time (issue 17, item 3).
    visit(&c, &t, "organise", "/events/forum/organise", &["In numbers", "What to do next", "Tables and rooms"]).await;
    visit(&c, &t, "organise-requests", "/events/forum/organise/requests", &["accepted"]).await;
    visit(&c, &t, "organise-tables", "/events/forum/organise/tables", &["Table plan", "Tables per slot"]).await;
    // The last slot (14:40) opens no tables: only 14:20 is left for the meeting.
    let last = c.find(Locator::XPath("(//input[starts-with(@name, 'tables_')])[3]")).await.unwrap();
    last.send_keys("0").await.unwrap();
    c.find(Locator::XPath("//form[contains(@action, '/tables')]//button")).await.unwrap().click().await.unwrap();
    c.wait()
        .for_element(Locator::XPath("//h3[contains(text(), '14:40') and contains(text(), '0 tables')]"))
        .await
        .unwrap();
    let html = c.source().await.unwrap();
    assert!(!html.contains("Shall we talk about satellite software?"), "organisers never read the messages");
    c.goto(&t.url("/events/forum/organise/schedule")).await.unwrap();
    c.find(Locator::XPath("//form[contains(@action, '/schedule')]//button")).await.unwrap().click().await.unwrap();
    c.wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::XPath("//p[@class='result' and text()='The accepted meeting is placed.']"))
        .await
        .unwrap();
    check(&c, "organise-scheduled", "/events/forum/organise/schedule", &["The accepted meeting is placed."]).await;
    // On the day: check Soft Systems in at the desk (in place), then mark the meeting held.
    visit(&c, &t, "organise-participants", "/events/forum/organise/participants", &["1 slot ruled out"]).await;
    c.find(Locator::XPath("//form[contains(@action, '/check-in')]//button[text()='Check in']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    c.wait().for_element(Locator::XPath("//span[contains(@class, 'badge') and text()='checked in']")).await.unwrap();
    c.goto(&t.url("/events/forum/organise/tables")).await.unwrap();
    c.find(Locator::XPath("//form[contains(@action, '/status')]//button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::XPath("//span[@class='badge' and text()='held']")).await.unwrap();
    check(&c, "organise-on-the-day", "/events/forum/organise/tables", &["held"]).await;
    // The table plan printout: one printed page per slot (three slots, one of them closed).
    visit(&c, &t, "print-table-plan", "/events/forum/print/table-plan", &["Table plan of Cluster Forum", "14:20"])
        .await;
    assert_eq!(print_pdf(&c, "print-table-plan").await, 3, "one page per slot");
    sign_out(&c).await;

    sign_in(&c, &t, "member_sat").await;
    visit(&c, &t, "agenda", "/events/forum/agenda", &["Agenda of", "Soft Systems", "iCalendar", "14:20"]).await;
    c.close().await.unwrap();
    t.stop().await;
}

/// The invitation into a cluster, in Chromium at 1366 px: the ICT manager's "Invite to join" on the
/// cluster page invites Orbital Sat Works (in Space), shown to them as waiting, with no Delete
/// button on the organisation; Orbital's own account sees it on its page and accepts it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invitation_sent_seen_and_accepted_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    c.set_window_size(1366, 1000).await.unwrap();
    let org = format!("/organisations/{}", t.sat);
    sign_in(&c, &t, "manager_ict").await;
    c.goto(&t.url("/clusters/ict")).await.unwrap();
    c.find(Locator::Id("add-member")).await.unwrap().send_keys(&t.sat.to_string()).await.unwrap();
    c.find(Locator::Css("form.searchbar button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Id("invited")).await.unwrap();
    check(
        &c,
        "cluster-invitation-sent",
        "/clusters/ict",
        &["Invited (1)", "waiting for the organisation", "Invite to join"],
    )
    .await;
    visit(
        &c,
        &t,
        "organisation-invitation-waiting",
        &org,
        &["Invitations", "Invitation sent, waiting for the organisation"],
    )
    .await;
    let html = c.source().await.unwrap();
    assert!(!html.contains("Edit profile") && !html.contains("/delete"), "nothing to edit or delete for them yet");
    sign_out(&c).await;

    sign_in(&c, &t, "member_sat").await;
    visit(&c, &t, "organisation-invitation", &org, &["Invitations", "ICT", "Accept", "Decline"]).await;
    assert!(!c.source().await.unwrap().contains(&format!("{org}/delete")), "deleting is for admins");
    c.find(Locator::Css("form[action$='/accept'] button")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("dl.kv")).await.unwrap();
    let html = c.source().await.unwrap();
    assert!(!html.contains("id=\"invitations\"") && html.contains("href=\"/clusters/ict\""), "a member of ICT now");
    c.close().await.unwrap();
    t.stop().await;
}

/// A saved form says so on the page it lands on, once, at a laptop's and a phone's width.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_profile_says_so_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    sign_in(&c, &t, "member_sat").await;
    let page = format!("/organisations/{}", t.sat);
    for width in [1366, 390] {
        let name = format!("flash-profile-saved-{width}");
        c.set_window_size(width, 900).await.unwrap();
        c.goto(&t.url(&format!("{page}/edit"))).await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        let flash = c.wait().for_element(Locator::Css("main p.flash[role=status]")).await.unwrap();
        assert_eq!(flash.text().await.unwrap(), "Profile saved.", "{name}");
        assert!(flash.is_displayed().await.unwrap(), "{name}");
        check(&c, &name, &page, &["Profile saved.", "Orbital Sat Works"]).await;
        let (x, _, w, _) = flash.rectangle().await.unwrap();
        let inner: Value = c.execute("return document.documentElement.clientWidth", vec![]).await.unwrap();
        assert!(x >= 0.0 && x + w <= inner.as_f64().unwrap() + 1.0, "{name}: the message fits the width");
        let overflow: Value = c
            .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
            .await
            .unwrap();
        assert_eq!(overflow, json!(0), "{name}: the page scrolls sideways");
        // Shown once: the page cleared the cookie, so a reload says nothing.
        c.refresh().await.unwrap();
        c.wait().for_element(Locator::Css("main h1")).await.unwrap();
        assert!(!c.source().await.unwrap().contains("Profile saved."), "{name}: shown again after a reload");
    }
    c.close().await.unwrap();
    t.stop().await;
}

/// The path of the newest link in `to`'s mail that contains `part`.
async fn mailed_link(t: &TestApp, to: &str, part: &str) -> String {
    let mails = t.app.outbox(&domain::Actor::system(), Some(to), 10).await.unwrap();
    let url = mails
        .iter()
        .find_map(|m| m.mail.body_text.split_whitespace().find(|w| w.contains(part)).map(str::to_string))
        .unwrap_or_else(|| panic!("no mail to {to} with {part}"));
    url.trim_start_matches("http://127.0.0.1:8080").to_string()
}

async fn sign_in_as(c: &Client, t: &TestApp, email: &str, password: &str) {
    c.goto(&t.url("/login")).await.unwrap();
    c.find(Locator::Id("email")).await.unwrap().send_keys(email).await.unwrap();
    c.find(Locator::Id("password")).await.unwrap().send_keys(password).await.unwrap();
    c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
    c.wait().for_element(Locator::Css("a.who")).await.unwrap();
}

/// Sign up → confirm (the link read from the outbox) → claim an organisation → approved by a
/// manager → sign in, at a laptop's and a phone's width.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_up_confirm_claim_approve_and_sign_in_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    let password = "quartz lantern meadow 42";
    for width in [1366, 390] {
        c.set_window_size(width, 1000).await.unwrap();
        let ada = format!("ada{width}@example.org");
        visit(&c, &t, &format!("signup-{width}"), "/signup", &["Sign up", "name=\"csrf\"", "accept_terms"]).await;
        c.find(Locator::Id("name")).await.unwrap().send_keys(&format!("Ada {width}")).await.unwrap();
        c.find(Locator::Id("email")).await.unwrap().send_keys(&ada).await.unwrap();
        c.find(Locator::Id("password")).await.unwrap().send_keys(password).await.unwrap();
        c.find(Locator::Css("input[name=accept_terms]")).await.unwrap().click().await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("signup-sent-{width}"), "/login", &["A mail to confirm the address is on its way"]).await;

        let link = mailed_link(&t, &ada, "/signup/confirm/").await;
        visit(&c, &t, &format!("signup-confirm-{width}"), &link, &["Confirm my address"]).await;
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        c.find(Locator::Id("q")).await.unwrap().send_keys("orbital").await.unwrap();
        c.find(Locator::Css("form[action='/signup/organisation'] button")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("form[action='/signup/organisation/claim']")).await.unwrap();
        check(&c, &format!("signup-organisation-{width}"), "/signup/organisation", &["I represent Orbital Sat Works"])
            .await;
        c.find(Locator::Css("form[action='/signup/organisation/claim'] button")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("signup-claim-sent-{width}"), "/signup/organisation", &["Request sent", "pending"]).await;
        sign_out(&c).await;

        sign_in(&c, &t, "manager_space").await;
        visit(&c, &t, &format!("join-requests-{width}"), "/join-requests", &[&ada, "to represent Orbital Sat Works"])
            .await;
        c.find(Locator::Css("textarea[name=message]")).await.unwrap().send_keys("Welcome to Space").await.unwrap();
        c.find(Locator::Css("form[action$='/approve'] button:not([formaction])")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("join-approved-{width}"), "/join-requests", &["Request approved", "No request waits"]).await;
        sign_out(&c).await;

        sign_in_as(&c, &t, &ada, password).await;
        visit(&c, &t, &format!("signup-member-{width}"), "/account", &[&ada, "member", "Orbital Sat Works"]).await;
        let mail = mailed_link(&t, &ada, "/login").await;
        assert_eq!(mail, "/login", "the answer was mailed");
        sign_out(&c).await;
    }
    c.close().await.unwrap();
    t.stop().await;
}

/// Forgotten password: the sign-in page's link, the mailed link read from the outbox, a new
/// password, and signing in with it; at a laptop's and a phone's width.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forgotten_password_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    for (width, role) in [(1366, "member_sat"), (390, "member_soft")] {
        c.set_window_size(width, 1000).await.unwrap();
        c.goto(&t.url("/login")).await.unwrap();
        c.find(Locator::Css("a[href='/password/forgot']")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("form[action='/password/forgot']")).await.unwrap();
        check(&c, &format!("password-forgot-{width}"), "/password/forgot", &["Forgotten password"]).await;
        c.find(Locator::Id("email")).await.unwrap().send_keys(&email(role)).await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("password-link-sent-{width}"), "/login", &["If an account uses this address"]).await;

        let link = mailed_link(&t, &email(role), "/password/reset/").await;
        visit(&c, &t, &format!("password-reset-{width}"), &link, &["Set a new password"]).await;
        let new = format!("quartz lantern meadow {width}");
        c.find(Locator::Id("password")).await.unwrap().send_keys(&new).await.unwrap();
        c.find(Locator::Id("password_again")).await.unwrap().send_keys(&new).await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("password-reset-done-{width}"), "/login", &["New password set"]).await;
        sign_in_as(&c, &t, &email(role), &new).await;
        visit(&c, &t, &format!("password-link-used-{width}-errors"), &link, &["used already"]).await;
        sign_out(&c).await;
    }
    c.close().await.unwrap();
    t.stop().await;
}

/// An admin invites a user (who sets a password with the mailed link) and disables another, at
/// a laptop's and a phone's width.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_invites_a_user_and_disables_another_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    for (width, disabled) in [(1366, "participant"), (390, "member_soft")] {
        c.set_window_size(width, 1000).await.unwrap();
        sign_in(&c, &t, "admin").await;
        visit(&c, &t, &format!("admin-users-{width}"), "/admin/users", &["Invite someone", &email(disabled)]).await;
        let invited = format!("new{width}@example.org");
        c.find(Locator::Id("invite-email")).await.unwrap().send_keys(&invited).await.unwrap();
        c.find(Locator::Id("invite-organisation")).await.unwrap().send_keys(&t.sat.to_string()).await.unwrap();
        c.find(Locator::Css("form[action='/admin/users/invite'] button")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        check(&c, &format!("admin-user-invited-{width}"), "/admin/users", &["Invitation sent", &invited]).await;
        let disable = format!("button[aria-label='Disable {}']", email(disabled));
        c.find(Locator::Css(&disable)).await.unwrap().click().await.unwrap();
        // The invitation's message is still on screen until the new page arrives: wait for
        // this form's own message rather than for any message.
        showing(&c, "Account disabled").await;
        check(&c, &format!("admin-user-disabled-{width}"), "/admin/users", &["Account disabled", "(disabled)"]).await;
        visit(
            &c,
            &t,
            &format!("admin-outbox-{width}"),
            "/admin/outbox",
            &[&invited, "You are invited to clusterbridge"],
        )
        .await;
        sign_out(&c).await;

        // The invited person sets a password and signs in; the disabled one cannot.
        let link = mailed_link(&t, &invited, "/password/reset/").await;
        c.goto(&t.url(&link)).await.unwrap();
        let new = format!("quartz lantern meadow {width}");
        c.find(Locator::Id("password")).await.unwrap().send_keys(&new).await.unwrap();
        c.find(Locator::Id("password_again")).await.unwrap().send_keys(&new).await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("[role=status]")).await.unwrap();
        sign_in_as(&c, &t, &invited, &new).await;
        visit(&c, &t, &format!("invited-member-{width}"), "/account", &[&invited, "Orbital Sat Works"]).await;
        sign_out(&c).await;
        assert!(t.app.login(&email(disabled), PASSWORD, "test").await.is_err(), "disabled");
    }
    c.close().await.unwrap();
    t.stop().await;
}

/// The analytics dashboards on the Luxembourg demo (4,277 organisations, nine clusters, the 2013
/// forum's meetings), in Chromium at a laptop's and a phone's width: the heat map, the tables,
/// no sideways scrolling of the page (wide tables scroll in their own box). The admin sees the
/// initiative, the demo manager (Space and Materials) their clusters.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analytics_dashboards_in_chromium() {
    let db = TestDb::sqlite().await.unwrap();
    let app = app::App::new(db.store.clone(), std::sync::Arc::new(app::FixedClock::at(crate::support::NOW)));
    assert!(app.load_demo().await.unwrap().loaded);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::serve(app.clone(), web::Options::default(), listener, async {
        let _ = stopped.await;
    }));
    let Some((c, _driver)) = browser().await else {
        let _ = stop.send(());
        return;
    };
    let pages = [
        (
            "admin@demo.example.org",
            "/analytics?from=2013&to=2018",
            "analytics-initiative",
            &[
                "The initiative, per year",
                "Clusters compared",
                "Joint projects and held meetings between clusters",
                "Bridging organisations",
                "Communities",
                "cluster-forum-2013",
            ][..],
        ),
        (
            "manager@demo.example.org",
            "/clusters/space/analytics?from=2013&to=2018",
            "analytics-cluster-space",
            &["space, per year", "Bridging organisations", "Figures of the whole initiative are for admins"][..],
        ),
    ];
    for (who, path, name, expect) in pages {
        c.goto(&format!("{base}/login")).await.unwrap();
        c.find(Locator::Id("email")).await.unwrap().send_keys(who).await.unwrap();
        c.find(Locator::Id("password")).await.unwrap().send_keys(app::demo::DEMO_PASSWORD).await.unwrap();
        c.find(Locator::Css("form.stack button[type=submit]")).await.unwrap().click().await.unwrap();
        c.wait().for_element(Locator::Css("a.who")).await.unwrap();
        for width in [1366, 390] {
            let shot = format!("{name}-{width}");
            c.set_window_size(width, 1400).await.unwrap();
            c.goto(&format!("{base}{path}")).await.unwrap();
            // The whole page in the screenshot: a window as tall as the page.
            let tall: Value = c.execute("return document.documentElement.scrollHeight", vec![]).await.unwrap();
            c.set_window_size(width, tall.as_u64().unwrap_or(1400).clamp(900, 7000) as u32).await.unwrap();
            check(&c, &shot, path, expect).await;
            let overflow: Value = c
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await
                .unwrap();
            assert_eq!(overflow, json!(0), "{shot}: the page scrolls sideways");
            let svg = c.find(Locator::Css("figure.heat svg[role=img]")).await.unwrap();
            let (_, _, w, _) = svg.rectangle().await.unwrap();
            let inner: Value = c.execute("return document.documentElement.clientWidth", vec![]).await.unwrap();
            assert!(w <= inner.as_f64().unwrap(), "{shot}: the heat map fits the width");
        }
        sign_out(&c).await;
    }
    c.close().await.unwrap();
    let _ = stop.send(());
    let _ = server.await;
    db.cleanup().await.unwrap();
}

/// The home page and an event's page in French and in German, chosen with the language switcher
/// at the foot of the page, at a laptop's and a phone's width: `<html lang>`, translated words,
/// nothing wider than the screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn home_and_event_pages_in_french_and_german_in_chromium() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, _driver)) = browser().await else {
        t.stop().await;
        return;
    };
    crate::events::forum(&t).await;
    let cases = [
        ("fr", "Les clusters en un coup d’œil", "Événements", "Trouver des partenaires"),
        ("de", "Die Cluster auf einen Blick", "Veranstaltungen", "Partner finden"),
    ];
    for (lang, heading, events, partners) in cases {
        for width in [1366, 390] {
            c.set_window_size(width, 900).await.unwrap();
            c.goto(&t.url("/")).await.unwrap();
            // The switcher is a link at the foot of every page.
            c.find(Locator::Css(&format!("footer a[lang={lang}]"))).await.unwrap().click().await.unwrap();
            c.wait().for_element(Locator::Css(&format!("html[lang={lang}]"))).await.unwrap();
            let lang_attr = format!("<html lang=\"{lang}\">");
            check(&c, &format!("lang-home-{lang}-{width}"), "/", &[&lang_attr, heading, partners]).await;
            visit(&c, &t, &format!("lang-event-{lang}-{width}"), "/events/forum", &[&lang_attr, events]).await;
            let overflow: Value = c
                .execute("return document.documentElement.scrollWidth - document.documentElement.clientWidth", vec![])
                .await
                .unwrap();
            assert_eq!(overflow, json!(0), "{lang} {width}: the page scrolls sideways");
        }
    }
    c.close().await.unwrap();
    t.stop().await;
}
