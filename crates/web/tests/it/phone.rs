//! Every page of the site on a phone and on a laptop, in Chromium: a representative address for
//! each route with a GET page, as each kind of visitor (anonymous, member, manager, admin), at
//! 390 × 844 with phone emulation and at 1366 × 900. A page fails when any element's box reaches
//! beyond the viewport, unless it sits inside an element that scrolls by itself (a wide table in
//! its `.table-scroll` box); hiding overflow on the page does not pass, since boxes are measured,
//! not scroll bars. Headings never skip a level; an organisation page keeps its tab title when
//! its lazy section arrives; at 1366 px "Sign out" stays on the header row. Screenshots: `target/screenshots/sweep-{390,1366}-{role}-{page}.png`.
//!
//! Accessibility: on the phone pass (once per page and role, not per width, to keep the suite
//! short), the vendored axe-core (`tests/vendor/axe-core`) checks each page against WCAG 2.1 A
//! and AA; any serious or critical violation fails the sweep, and the figures (pages checked,
//! violations by rule) are printed.

use crate::browser::{browser_with, phone, screenshots, sign_in};
use crate::support::{spawn, TestApp};
use fantoccini::{Client, Locator};
use serde_json::{json, Value};
use store::testdb::TestDb;

/// Boxes that leave the viewport sideways, outside any box that scrolls by itself, as
/// `tag.class left..right` (at most 20); `html`/`body` when they hide overflow; and headings
/// that skip a level (an h3 straight after the h1).
const OUTSIDE: &str = r#"
const vw = document.documentElement.clientWidth;
const scroller = e => {
  for (let a = e.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if (o === 'auto' || o === 'scroll') return a;
  }
  return null;
};
const inside = r => r.left >= -1 && r.right <= vw + 1;
const bad = [];
for (const t of ['html', 'body']) {
  const o = getComputedStyle(document.querySelector(t)).overflowX;
  if (o !== 'visible') bad.push(t + ' overflow-x:' + o);
}
for (const e of document.querySelectorAll('body *')) {
  const r = e.getBoundingClientRect();
  if ((r.width === 0 && r.height === 0) || inside(r)) continue;
  const s = scroller(e);
  if (s && inside(s.getBoundingClientRect())) continue;
  bad.push(e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
}
if (document.documentElement.scrollWidth > vw) bad.push('page scrolls sideways: ' + document.documentElement.scrollWidth);
let level = 0;
for (const h of document.querySelectorAll('main h1, main h2, main h3, main h4, main h5, main h6')) {
  const l = Number(h.tagName[1]);
  if (l > level + 1) bad.push('heading h' + l + ' after h' + level + ': ' + h.textContent.trim().slice(0, 40));
  level = l;
}
return bad.slice(0, 20);
"#;

/// axe-core, vendored (test-only; its LICENSE beside it).
const AXE: &str = include_str!("../vendor/axe-core/axe.min.js");

/// Runs axe on the page (WCAG 2.x A and AA rules and best practices); its serious and critical
/// violations as `{id, impact, nodes}`, each with up to three of its elements.
const AXE_RUN: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
              nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\n').slice(1, 2).join(''))}))),
  e => done([{id: 'axe-error', impact: 'critical', count: 1, nodes: [String(e)]}]));
"#;

/// The serious and critical axe violations of the page in `c`, as `(rule, elements, detail)`.
async fn axe(c: &Client) -> Vec<(String, u64, String)> {
    let loaded: Value = c.execute("return typeof axe !== 'undefined'", vec![]).await.unwrap();
    if loaded != json!(true) {
        c.execute(&format!("{AXE}\nreturn true;"), vec![]).await.unwrap();
    }
    let v: Value = c.execute_async(AXE_RUN, vec![]).await.unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (x["id"].as_str().unwrap_or_default().to_string(), x["count"].as_u64().unwrap_or(0), x["nodes"].to_string())
        })
        .collect()
}

/// `(role, name, path)`: every GET page, each as the visitor who sees the most of it.
fn pages(t: &TestApp, project: i64) -> Vec<(&'static str, &'static str, String)> {
    let (sat, p) = (t.sat, project);
    let mut v: Vec<(&'static str, &'static str, String)> = vec![
        ("anonymous", "home", "/".into()),
        ("anonymous", "cluster", "/clusters/space".into()),
        ("anonymous", "directory", "/organisations".into()),
        ("anonymous", "directory-search", "/organisations?q=orbital+sat+works&cluster=space".into()),
        ("anonymous", "organisation", format!("/organisations/{sat}")),
        ("anonymous", "recommendations", format!("/organisations/{sat}/recommendations")),
        ("anonymous", "projects", "/projects".into()),
        ("anonymous", "project", format!("/projects/{p}")),
        ("anonymous", "partners", "/partners?q=satellite+software+for+logistics".into()),
        ("anonymous", "partners-empty", "/partners".into()),
        ("anonymous", "themes", "/themes".into()),
        ("anonymous", "consortium", "/consortium?q=satellite+software&roles=company%3D2&min_countries=1".into()),
        ("anonymous", "consortium-empty", "/consortium".into()),
        ("anonymous", "events", "/events".into()),
        ("anonymous", "event", "/events/forum".into()),
        ("anonymous", "guest-register", "/events/forum/register".into()),
        ("anonymous", "api", "/api".into()),
        ("anonymous", "login", "/login".into()),
        ("anonymous", "not-found", "/organisations/999999".into()),
    ];
    v.extend([
        ("member_sat", "home", "/".into()),
        ("member_sat", "account", "/account".into()),
        ("member_sat", "organisation", format!("/organisations/{sat}")),
        ("member_sat", "organisation-edit", format!("/organisations/{sat}/edit")),
        ("member_sat", "partners", "/partners?q=software+logistics".into()),
        ("member_sat", "event", "/events/forum".into()),
        ("member_sat", "event-requests", "/events/forum/requests".into()),
        ("member_sat", "event-participants", "/events/forum/participants".into()),
        ("member_sat", "agenda", "/events/forum/agenda".into()),
        ("member_sat", "availability", "/events/forum/availability".into()),
        ("member_sat", "forbidden", "/events/forum/organise".into()),
        ("manager_space", "cluster", "/clusters/space".into()),
        ("manager_space", "cluster-edit", "/clusters/space/edit".into()),
        ("manager_space", "cluster-split", "/clusters/space/split".into()),
        ("manager_space", "organise", "/events/forum/organise".into()),
        ("manager_space", "print-table-plan", "/events/forum/print/table-plan".into()),
        ("manager_space", "print-agendas", "/events/forum/print/agendas".into()),
        ("manager_space", "organise-participants", "/events/forum/organise/participants".into()),
        ("manager_space", "organise-requests", "/events/forum/organise/requests".into()),
        ("manager_space", "organise-schedule", "/events/forum/organise/schedule".into()),
        ("manager_space", "organise-tables", "/events/forum/organise/tables".into()),
        ("manager_space", "organise-round-tables", "/events/forum/organise/round-tables".into()),
        ("manager_space", "organise-printouts", "/events/forum/organise/printouts".into()),
        ("manager_space", "print-badges", "/events/forum/print/badges".into()),
        ("manager_space", "forum-report", "/events/forum/report".into()),
        ("manager_space", "availability-of", "/events/forum/availability".into()),
        ("manager_space", "event-new", "/events/new".into()),
        ("admin", "cluster-new", "/clusters/new".into()),
        ("admin", "organisation-new", "/organisations/new".into()),
        ("admin", "project-new", "/projects/new".into()),
        ("admin", "project-edit", format!("/projects/{p}/edit")),
        ("admin", "project", format!("/projects/{p}")),
        ("admin", "audit", "/admin/audit".into()),
        ("admin", "account-access", "/admin/users/access?email=member_sat%40example.org".into()),
        ("admin", "analytics-network", "/analytics/network".into()),
    ]);
    v
}

/// A registry with a project, and a forum where Orbital Sat Works asked Soft Systems to meet.
async fn fixture(t: &TestApp) -> i64 {
    let sys = domain::Actor::system();
    let input = domain::ProjectInput {
        title: "Satellite software for logistics".into(),
        kind: "common".into(),
        ..Default::default()
    };
    let project = t.app.create_project(&sys, &input, &["space".into(), "ict".into()]).await.unwrap();
    for (org, role) in [(t.sat, "coordinator"), (t.soft, "participant")] {
        t.app.set_partner(&sys, project, domain::OrganisationId::new(org), role).await.unwrap();
    }
    crate::events::forum(t).await;
    let mut ids = Vec::new();
    for role in ["member_sat", "member_soft"] {
        let r = t.api(reqwest::Method::POST, "/events/forum/register", role).send().await.unwrap();
        let v: Value = r.json().await.unwrap();
        ids.push(v["participant"].as_i64().unwrap());
    }
    let r = t
        .api(reqwest::Method::POST, "/events/forum/requests", "member_sat")
        .header("content-type", "application/json")
        .body(json!({"to": ids[1], "message": "Satellite software?"}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    project.get()
}

/// Visits every page as every role in this browser; returns the failures. With `a11y`, also
/// runs axe on each page and counts the pages checked and the violations by rule.
async fn sweep(c: &Client, t: &TestApp, project: i64, width: u32, a11y: Option<&mut Audit>) -> Vec<String> {
    let mut failures = Vec::new();
    let mut a11y = a11y;
    let mut current = "";
    for (role, name, path) in pages(t, project) {
        if role != current {
            c.delete_all_cookies().await.unwrap();
            if role != "anonymous" {
                sign_in(c, t, role).await;
            }
            current = role;
        }
        c.goto(&t.url(&path)).await.unwrap();
        if let Err(e) = c.wait().for_element(Locator::Css("main h1")).await {
            panic!("{width} px, {role} {path}: no h1 ({e})");
        }
        let png = c.screenshot().await.unwrap();
        std::fs::write(screenshots().join(format!("sweep-{width}-{role}-{name}.png")), png).unwrap();
        let bad: Value = c.execute(OUTSIDE, vec![]).await.unwrap();
        if bad.as_array().is_some_and(|b| !b.is_empty()) {
            failures.push(format!("{width} px, {role} {path}: {bad}"));
        }
        if let Some(audit) = a11y.as_deref_mut() {
            audit.pages += 1;
            for (rule, count, detail) in axe(c).await {
                *audit.by_rule.entry(rule.clone()).or_default() += count;
                failures.push(format!("axe {rule} ({count}) on {role} {path}: {detail}"));
            }
        }
    }
    failures
}

/// What axe found over the sweep.
#[derive(Default)]
struct Audit {
    pages: usize,
    /// Elements in serious or critical violation, by rule.
    by_rule: std::collections::BTreeMap<String, u64>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_fits_a_phone_and_a_laptop() {
    let t = spawn(TestDb::sqlite().await.unwrap()).await;
    let Some((c, driver)) = phone().await else {
        t.stop().await;
        return;
    };
    let project = fixture(&t).await;
    c.goto(&t.url("/")).await.unwrap();
    let width: Value = c.execute("return document.documentElement.clientWidth", vec![]).await.unwrap();
    assert_eq!(width, json!(390), "phone emulation is on");
    let mut audit = Audit::default();
    let mut failures = sweep(&c, &t, project, 390, Some(&mut audit)).await;
    println!("axe: {} pages checked, serious or critical violations by rule: {:?}", audit.pages, audit.by_rule);
    // On a phone the links fold into a menu: one header row, opened by its summary.
    c.goto(&t.url("/")).await.unwrap();
    let header: Value =
        c.execute("return document.querySelector('header.top').getBoundingClientRect().height", vec![]).await.unwrap();
    assert!(header.as_f64().unwrap() < 70.0, "the phone's header is one row: {header} px");
    c.find(Locator::Css("details.menu > summary")).await.unwrap().click().await.unwrap();
    std::fs::write(screenshots().join("sweep-390-admin-menu-open.png"), c.screenshot().await.unwrap()).unwrap();
    let open: Value = c.execute("return document.querySelector('details.menu').open", vec![]).await.unwrap();
    assert_eq!(open, json!(true), "the summary opens the menu");
    assert!(c.find(Locator::Css("details.menu nav a[href='/events']")).await.unwrap().is_displayed().await.unwrap());
    assert!(!c.find(Locator::Css("nav.wide a[href='/events']")).await.unwrap().is_displayed().await.unwrap());
    c.close().await.unwrap();
    drop(driver);

    let (c, _driver) = browser_with(json!({})).await.unwrap();
    c.set_window_size(1366, 900).await.unwrap();
    failures.extend(sweep(&c, &t, project, 1366, None).await);
    // At 1366 px, signed in as the admin (the longest header), "Sign out" stays on the header row.
    let rows: Value = c
        .execute(
            "const b = document.querySelector('header .brand').getBoundingClientRect();
             const s = document.querySelector('header nav.wide form button').getBoundingClientRect();
             return [b.top, b.bottom, s.top, s.bottom, s.width];",
            vec![],
        )
        .await
        .unwrap();
    let r: Vec<f64> = rows.as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
    assert!(r[4] > 0.0 && r[2] < r[1] && r[3] > r[0], "Sign out is on the brand's row at 1366 px: {rows}");
    // An organisation page keeps its tab title when its lazy section arrives.
    c.goto(&t.url(&format!("/organisations/{}", t.sat))).await.unwrap();
    c.wait().for_element(Locator::XPath("//section[@id='recommendations' and not(@hx-get)]")).await.unwrap();
    assert_eq!(c.title().await.unwrap(), "Orbital Sat Works · clusterbridge", "the tab title stays");
    c.close().await.unwrap();
    t.stop().await;
    assert!(failures.is_empty(), "pages wider than the screen, or headings out of order:\n{}", failures.join("\n"));
}
