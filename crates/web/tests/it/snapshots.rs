//! Snapshots of the JSON API: every listing and item endpoint under `/api/v1` (the `get` rows of
//! `ENDPOINTS`), representative error bodies, and the OpenAPI document, on a fixed small data set
//! and a fixed clock. They are the contract other tools rely on, written down so that a reviewer
//! reads them as documentation and a refactor proves it changed nothing.
//!
//! Every story runs on SQLite and, when `CLUSTERBRIDGE_TEST_PG` is set, on PostgreSQL, against
//! the same snapshot file: the two backends must answer alike. The data set is written through
//! the API itself (the interface that must not change), in a fixed order, so ids come out the
//! same on both backends: nothing is deleted and no insert fails before a snapshot is taken.
//! One thing genuinely differs from run to run and is normalised: the random calendar token in
//! an agenda's feed address (see `normalise`).
//!
//! One snapshot file per resource; each holds the requests of that resource in order, each as
//! `METHOD PATH as ROLE -> STATUS` and the pretty-printed body. To accept a reviewed change:
//! `INSTA_UPDATE=always cargo test -p web --test it snapshots`, then read the diff.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::Value;

/// The text of one snapshot file: the requests made and what they answered.
struct Doc<'a> {
    t: &'a TestApp,
    text: String,
}

impl<'a> Doc<'a> {
    fn new(t: &'a TestApp) -> Doc<'a> {
        Doc { t, text: String::new() }
    }

    /// Sends a request and records it with its answer.
    async fn record(&mut self, method: Method, path: &str, role: &str, body: Option<&str>) -> Value {
        let (status, v) = call(self.t, method.clone(), path, role, body).await;
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(&format!("{method} /api/v1{path} as {role} -> {status}\n"));
        if let Some(b) = body {
            self.text.push_str(&format!("request: {b}\n"));
        }
        if !v.is_null() {
            let mut shown = v.clone();
            normalise(&mut shown);
            self.text.push_str(&serde_json::to_string_pretty(&shown).unwrap());
            self.text.push('\n');
        }
        v
    }

    async fn get(&mut self, path: &str, role: &str) -> Value {
        self.record(Method::GET, path, role, None).await
    }

    /// Compares with the committed file; the backend is named first so that a failure says which.
    fn check(self, name: &str) {
        eprintln!("snapshot {name} on {}", self.t.label);
        insta::assert_snapshot!(name, self.text);
    }
}

/// Replaces what is random by design: the per-participant token of a calendar feed address.
fn normalise(v: &mut Value) {
    match v {
        Value::String(s) if s.starts_with("/calendar/") && s.ends_with(".ics") => *s = "/calendar/[token].ics".into(),
        Value::Array(items) => items.iter_mut().for_each(normalise),
        Value::Object(map) => map.values_mut().for_each(normalise),
        _ => {}
    }
}

async fn call(t: &TestApp, method: Method, path: &str, role: &str, body: Option<&str>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let resp = rb.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// A write that must succeed while the data set is built; its answer is not part of a snapshot.
async fn write(t: &TestApp, method: Method, path: &str, role: &str, body: &str) -> Value {
    let (status, v) = call(t, method.clone(), path, role, Some(body)).await;
    assert!((200..300).contains(&status), "{method} {path} as {role}: {status} {v} on {}", t.label);
    v
}

/// The data set beyond `support::spawn` (clusters `space` 1 and `ict` 2; Orbital Sat Works 1 in
/// Space and Soft Systems 2 in ICT; Robin Example 1 at Orbital): a research lab (3, in ICT) and a
/// university (4), three projects on offshore wind and underwater robots, a contact person, an
/// accepted contact request. The answers of the writes are recorded in `writes`.
async fn registry(t: &TestApp, writes: &mut Doc<'_>) {
    writes
        .record(
            Method::POST,
            "/organisations",
            "admin",
            Some(
                r#"{"name": "Marine Robotics Lab", "short_name": "MRL", "kind": "research", "sme": false, "country": "PT", "city": "Porto", "website": "https://mrl.example.org", "description": "Autonomous underwater vehicles for ocean science.", "offers": "Underwater robots and sonar mapping", "needs": "Satellite communication at sea", "tags": ["Robotics", "Marine"], "languages": ["pt", "en"]}"#,
            ),
        )
        .await;
    writes
        .record(
            Method::POST,
            "/organisations",
            "admin",
            Some(r#"{"name": "Ocean University", "kind": "university", "country": "NO", "city": "Bergen"}"#),
        )
        .await;
    writes
        .record(
            Method::POST,
            "/organisations/3/memberships",
            "admin",
            Some(r#"{"cluster": "ict", "start_date": "2025-01-01"}"#),
        )
        .await;
    let projects = [
        (
            r#"{"acronym": "DEEPWIND", "title": "Underwater drones for offshore wind inspection", "summary": "Drones inspect the foundations of offshore wind turbines.", "start_date": "2021-01-01", "end_date": "2023-12-31", "budget_eur": 1200000, "programme": "Horizon 2020", "topic": "LC-SC3-RES-2020", "clusters": ["space"]}"#,
            &[(3, "coordinator"), (4, "participant")][..],
        ),
        (
            r#"{"title": "Satellite monitoring of offshore wind farms", "start_date": "2022-06-01", "clusters": ["space"]}"#,
            &[(1, "coordinator"), (4, "participant")][..],
        ),
        (
            r#"{"title": "Autonomous underwater vehicles", "kind": "common", "start_date": "2020-03-01"}"#,
            &[(3, "participant")][..],
        ),
    ];
    for (i, (body, partners)) in projects.iter().enumerate() {
        let id = i + 1;
        if i == 0 {
            writes.record(Method::POST, "/projects", "admin", Some(body)).await;
        } else {
            write(t, Method::POST, "/projects", "admin", body).await;
        }
        for (org, role) in partners.iter() {
            let path = format!("/projects/{id}/partners/{org}");
            let body = format!(r#"{{"role": "{role}"}}"#);
            if (i, *org) == (0, 4) {
                writes.record(Method::PUT, &path, "admin", Some(&body)).await;
            } else {
                write(t, Method::PUT, &path, "admin", &body).await;
            }
        }
    }
    writes
        .record(
            Method::POST,
            "/organisations/3/people",
            "admin",
            Some(r#"{"name": "Ana Marinho", "role_title": "Head of robotics", "email": "ana@mrl.example.org", "email_visibility": "members", "phone": "+351 22 000 000", "phone_visibility": "public"}"#),
        )
        .await;
    // Soft Systems asks to meet Robin (Orbital Sat Works), who accepts: the e-mail shown only on
    // agreement becomes visible to Soft Systems' member.
    writes
        .record(
            Method::POST,
            "/people/1/contact-requests",
            "member_soft",
            Some(r#"{"message": "About ground software"}"#),
        )
        .await;
    writes.record(Method::POST, "/contact-requests/1/accept", "member_sat", None).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registry_resources() {
    on_every_backend(|t| async move {
        let mut writes = Doc::new(&t);
        registry(&t, &mut writes).await;
        writes.check("registry_writes");

        let mut d = Doc::new(&t);
        d.get("/clusters", "anonymous").await;
        d.get("/clusters?per_page=1&page=2", "anonymous").await;
        d.get("/clusters/space", "anonymous").await;
        d.get("/clusters/2", "admin").await;
        d.check("clusters");

        let mut d = Doc::new(&t);
        d.get("/organisations", "anonymous").await;
        d.get("/organisations?q=orbit&cluster=space&country=lu&kind=company", "anonymous").await;
        d.get("/organisations?q=underwater", "anonymous").await;
        d.get("/organisations/3", "anonymous").await;
        d.check("organisations");

        // What each caller may see of contact people.
        let mut d = Doc::new(&t);
        for role in ["anonymous", "participant", "member_soft", "member_sat", "admin"] {
            d.get("/organisations/1/people", role).await;
        }
        d.get("/organisations/3/people", "member_soft").await;
        d.check("people");

        let mut d = Doc::new(&t);
        d.get("/projects", "anonymous").await;
        d.get("/projects?organisation=3&per_page=1", "anonymous").await;
        d.get("/projects?q=satellite", "anonymous").await;
        d.get("/projects/1", "anonymous").await;
        d.get("/projects/3", "admin").await;
        d.check("projects");

        let mut d = Doc::new(&t);
        for role in ["anonymous", "participant", "member_sat", "manager_space", "admin"] {
            d.get("/me", role).await;
        }
        d.get("/me/tokens", "member_sat").await;
        d.get("/me/tokens", "anonymous").await;
        d.check("me");

        // The ICT manager's addition of Orbital Sat Works (in Space) is an invitation that
        // Orbital's own account sees and answers.
        let mut d = Doc::new(&t);
        d.record(Method::POST, "/organisations/1/memberships", "manager_ict", Some(r#"{"cluster": "ict"}"#)).await;
        d.get("/organisations/1/invitations", "member_sat").await;
        d.get("/organisations/1/invitations", "manager_ict").await;
        d.record(Method::POST, "/invitations/1/accept", "member_sat", None).await;
        d.get("/organisations/1/invitations", "member_sat").await;
        d.check("invitations");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matchmaking_resources() {
    on_every_backend(|t| async move {
        registry(&t, &mut Doc::new(&t)).await;
        let mut d = Doc::new(&t);
        d.get("/partners?q=underwater+inspection+of+offshore+wind", "anonymous").await;
        d.get("/partners?q=underwater+inspection+of+offshore+wind+in+Norway&limit=2", "anonymous").await;
        d.get("/partners?q=offshore+wind+satellite&from=1", "member_sat").await;
        d.get("/partners?q=underwater&cluster=ict&sme=false", "anonymous").await;
        d.check("partners");

        let mut d = Doc::new(&t);
        d.get("/organisations/1/recommendations", "anonymous").await;
        d.get("/organisations/3/recommendations?limit=2", "anonymous").await;
        d.check("recommendations");

        let mut d = Doc::new(&t);
        d.get("/organisations/3/cluster-fit", "anonymous").await;
        d.get("/organisations/2/cluster-fit", "anonymous").await;
        d.check("cluster_fit");

        let mut d = Doc::new(&t);
        d.get("/themes", "anonymous").await;
        d.get("/themes?limit=1", "anonymous").await;
        d.check("themes");

        let mut d = Doc::new(&t);
        d.get("/consortium?q=offshore+wind+inspection&roles=research=1,university=1&min_countries=2", "anonymous").await;
        d.get("/consortium?q=offshore+wind+inspection&roles=research=1,sme=1&fixed=4&exclude=3", "anonymous").await;
        d.check("consortium");

        // A saved search, then a new organisation that matches it and, an hour later, a change to
        // one that matched when it was saved.
        let mut d = Doc::new(&t);
        d.record(
            Method::POST,
            "/saved-searches",
            "member_sat",
            Some(r#"{"name": "Offshore partners", "q": "offshore wind inspection", "country": "DK"}"#),
        )
        .await;
        d.record(Method::POST, "/saved-searches", "member_sat", Some(r#"{"name": "Robots", "q": "underwater robots"}"#))
            .await;
        d.get("/saved-searches", "member_sat").await;
        write(
            &t,
            Method::POST,
            "/organisations",
            "admin",
            r#"{"name": "Wind Inspectors", "kind": "company", "sme": true, "country": "DK", "offers": "Offshore wind inspection by drones"}"#,
        )
        .await;
        t.clock.advance(chrono::Duration::hours(1));
        write(
            &t,
            Method::PUT,
            "/organisations/4",
            "admin",
            r#"{"name": "Ocean University", "kind": "university", "country": "NO", "city": "Bergen", "offers": "Underwater robots testing basin"}"#,
        )
        .await;
        d.get("/saved-searches", "member_sat").await;
        d.get("/saved-searches", "member_soft").await;
        d.check("saved_searches");
        t
    })
    .await;
}

/// An event over both clusters, two members and a guest registered, one request accepted and one
/// meeting added by the organisers, scheduled; availability, round tables, check-in and feedback.
async fn event(writes: &mut Doc<'_>) {
    writes
        .record(
            Method::POST,
            "/events",
            "admin",
            Some(
                r#"{"slug": "forum", "name": "Cluster Forum", "venue": "Utopolis", "description": "One-to-one meetings", "starts_on": "2026-03-20", "clusters": ["space", "ict"], "tables": 2, "capacity": 100, "max_meetings": 3, "agenda": ["09:00-09:45 Welcome (keynote)", "11:00-12:00 Round tables (round_table)"], "programme": ["am 10:00 20 2", "pm 14:00 20 3"]}"#,
            ),
        )
        .await;
    for role in ["member_sat", "member_soft", "manager_ict"] {
        writes.record(Method::POST, "/events/forum/register", role, None).await;
    }
    writes
        .record(
            Method::POST,
            "/events/forum/participants",
            "admin",
            Some(r#"{"name": "Guest from Metz", "organisation": 3}"#),
        )
        .await;
    writes
        .record(
            Method::POST,
            "/events/forum/requests",
            "member_sat",
            Some(r#"{"to": 2, "message": "Satellites for your software?", "priority": 2}"#),
        )
        .await;
    writes.record(Method::POST, "/meeting-requests/1/accept", "member_soft", None).await;
    writes
        .record(
            Method::POST,
            "/events/forum/requests",
            "member_soft",
            Some(r#"{"to": 3, "message": "Data platforms?"}"#),
        )
        .await;
    writes.record(Method::POST, "/events/forum/meetings", "admin", Some(r#"{"a": 1, "b": 4, "priority": 1}"#)).await;
    writes
        .record(Method::PUT, "/events/forum/availability", "member_soft", Some(r#"{"arrival": 2, "blocked": [4]}"#))
        .await;
    writes.record(Method::PUT, "/events/forum/tables", "admin", Some(r#"{"tables": {"5": 1}}"#)).await;
    writes.record(Method::POST, "/events/forum/schedule", "admin", Some(r#"{"time_limit": 5}"#)).await;
    for role in ["member_sat", "member_soft", "manager_ict"] {
        writes.record(Method::PUT, "/events/forum/round-table", role, Some(r#"{"join": true}"#)).await;
    }
    writes.record(Method::POST, "/events/forum/check-in", "admin", Some(r#"{"participant": 1}"#)).await;
    writes.record(Method::POST, "/events/forum/check-in", "admin", Some(r#"{"participant": 2}"#)).await;
    writes.record(Method::POST, "/meetings/1/status", "admin", Some(r#"{"status": "held"}"#)).await;
    writes
        .record(Method::POST, "/meetings/1/feedback", "member_sat", Some(r#"{"outcome": "cooperation_possible"}"#))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_resources() {
    on_every_backend(|t| async move {
        registry(&t, &mut Doc::new(&t)).await;
        let mut writes = Doc::new(&t);
        event(&mut writes).await;
        writes.check("event_writes");

        let mut d = Doc::new(&t);
        d.get("/events", "anonymous").await;
        d.get("/events/forum", "anonymous").await;
        d.get("/events/forum", "member_sat").await;
        d.get("/events/forum", "member_soft").await;
        d.check("events");

        let mut d = Doc::new(&t);
        d.get("/events/forum/availability", "member_soft").await;
        d.get("/events/forum/availability?participant=1", "admin").await;
        d.get("/events/forum/agenda", "member_sat").await;
        d.get("/events/forum/agenda", "member_soft").await;
        d.get("/events/forum/organise", "admin").await;
        d.get("/events/forum/round-tables", "anonymous").await;
        d.check("event_views");
        t
    })
    .await;
}

/// The analytics on the registry and the forum above (one meeting held between Space and ICT,
/// 2026), as an admin, each cluster's manager and a member (issue 15's JSON shapes).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analytics_resources() {
    on_every_backend(|t| async move {
        registry(&t, &mut Doc::new(&t)).await;
        event(&mut Doc::new(&t)).await;
        let mut d = Doc::new(&t);
        d.get("/analytics/kpis?from=2026&to=2026", "admin").await;
        d.get("/analytics/kpis?cluster=space&from=2026&to=2026", "manager_space").await;
        d.get("/analytics/matrix?from=2025&to=2026", "admin").await;
        d.get("/analytics/matrix?from=2026&to=2026", "manager_ict").await;
        d.get("/analytics/bridges", "admin").await;
        d.get("/analytics/isolated", "manager_space").await;
        d.get("/analytics/communities", "admin").await;
        d.get("/analytics/funnel", "admin").await;
        d.get("/analytics/network", "manager_ict").await;
        d.get("/analytics/kpis", "member_sat").await;
        d.get("/analytics/kpis?from=soon", "admin").await;
        d.get("/analytics/matrix?cluster=nowhere", "admin").await;
        d.check("analytics");
        // A held meeting's follow-ups (none recorded: the forum is after the tests' today).
        let mut f = Doc::new(&t);
        f.get("/meetings/1/follow-ups", "admin").await;
        f.get("/meetings/1/follow-ups", "participant").await;
        f.check("follow_ups");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_bodies() {
    on_every_backend(|t| async move {
        let mut d = Doc::new(&t);
        // Not found: an unknown id, a malformed id, an unknown slug, an unknown route.
        d.get("/organisations/999999", "anonymous").await;
        d.get("/organisations/abc", "anonymous").await;
        d.get("/clusters/nowhere", "anonymous").await;
        d.get("/events/nowhere", "member_sat").await;
        d.get("/nowhere", "anonymous").await;
        // Validation: every mistake at once, each named by its field.
        d.get("/organisations?per_page=500&page=0&colour=red", "anonymous").await;
        d.get("/organisations?country=ZZ&kind=x&cluster=nowhere", "anonymous").await;
        d.get("/partners?q=", "anonymous").await;
        d.get("/partners?q=wind&kind=startup&limit=0", "anonymous").await;
        d.get("/consortium?q=&roles=sme=1&min_countries=x", "anonymous").await;
        d.record(
            Method::POST,
            "/organisations",
            "admin",
            Some(r#"{"name": "", "kind": "startup", "country": "XY", "website": "acme"}"#),
        )
        .await;
        d.record(Method::POST, "/organisations", "admin", Some("not json")).await;
        d.record(
            Method::POST,
            "/events",
            "admin",
            Some(r#"{"slug": "Space Day!", "clusters": [], "programme": ["evening 25:00 20 2"]}"#),
        )
        .await;
        // Who may: not signed in, and signed in without the right.
        d.get("/saved-searches", "anonymous").await;
        d.record(
            Method::POST,
            "/clusters",
            "member_sat",
            Some(r#"{"slug": "x", "name": "X", "sector": "x", "description": ""}"#),
        )
        .await;
        d.record(Method::DELETE, "/organisations/1", "member_soft", None).await;
        d.check("errors");

        // An unknown token is an error, not a silent downgrade to anonymous.
        let resp = t.http.get(t.url("/api/v1/me")).bearer_auth("nope").send().await.unwrap();
        let text = format!(
            "GET /api/v1/me with an unknown token -> {}\n{}\n",
            resp.status().as_u16(),
            resp.text().await.unwrap()
        );
        eprintln!("snapshot errors_token on {}", t.label);
        insta::assert_snapshot!("errors_token", text);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document() {
    on_every_backend(|t| async move {
        let mut d = Doc::new(&t);
        let doc = d.get("/openapi.json", "anonymous").await;
        d.check("openapi");
        every_get_is_recorded(&doc);
        t
    })
    .await;
}

/// Every `get` operation the OpenAPI document lists has at least one request in a committed
/// snapshot, so an endpoint added to `ENDPOINTS` without a snapshot is noticed.
fn every_get_is_recorded(doc: &Value) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let mut recorded: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter_map(|l| l.strip_prefix("GET ")) {
            let path = line.split([' ', '?']).next().unwrap_or("");
            recorded.push(path.to_string());
        }
    }
    let matches = |pattern: &str, path: &str| {
        let (p, q): (Vec<&str>, Vec<&str>) = (pattern.split('/').collect(), path.split('/').collect());
        p.len() == q.len() && p.iter().zip(&q).all(|(a, b)| a == b || a.starts_with('{'))
    };
    let missing: Vec<&String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, ops)| ops.get("get").is_some())
        .map(|(path, _)| path)
        .filter(|path| !recorded.iter().any(|r| matches(path, r)))
        .collect();
    assert!(missing.is_empty(), "GET endpoints without a snapshot: {missing:?}");
}
