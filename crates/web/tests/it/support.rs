//! `spawn_app`: a real server on port 0 over a fresh database, with a small registry and one
//! account per role.

use app::auth::NewUser;
use app::{App, FixedClock};
use domain::{Actor, ClusterInput, OrganisationInput, PersonInput};
use std::sync::Arc;
use store::testdb::TestDb;

pub(crate) const NOW: &str = "2026-03-01T10:00:00Z";
pub(crate) const PASSWORD: &str = "correct horse battery";

/// The roles of the access matrix, each an account except `anonymous`.
pub(crate) const ROLES: &[&str] =
    &["anonymous", "participant", "member_sat", "member_soft", "manager_space", "manager_ict", "admin"];

pub(crate) struct TestApp {
    pub base: String,
    pub app: App,
    pub label: &'static str,
    pub space: i64,
    pub sat: i64,
    pub soft: i64,
    pub person: i64,
    /// `(role, API token)`; anonymous has none.
    pub tokens: Vec<(&'static str, String)>,
    pub http: reqwest::Client,
    pub clock: Arc<FixedClock>,
    db: Option<TestDb>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

pub(crate) fn email(role: &str) -> String {
    format!("{role}@example.org")
}

fn cluster(slug: &str, name: &str) -> ClusterInput {
    ClusterInput {
        slug: slug.into(),
        name: name.into(),
        sector: format!("{name} sector"),
        description: format!("The {name} cluster."),
    }
}

fn org(name: &str, city: &str) -> OrganisationInput {
    OrganisationInput {
        name: name.into(),
        kind: "company".into(),
        country: "LU".into(),
        city: Some(city.into()),
        ..Default::default()
    }
}

pub(crate) async fn spawn(db: TestDb) -> TestApp {
    let clock = Arc::new(FixedClock::at(NOW));
    let app = App::new(db.store.clone(), clock.clone());
    let sys = Actor::system();
    let space = app.create_cluster(&sys, &cluster("space", "Space")).await.unwrap();
    let ict = app.create_cluster(&sys, &cluster("ict", "ICT")).await.unwrap();
    let sat = app.create_org(&sys, &org("Orbital Sat Works", "Betzdorf")).await.unwrap();
    let soft = app.create_org(&sys, &org("Soft Systems", "Esch-sur-Alzette")).await.unwrap();
    app.add_membership(&sys, sat, "space", None, None).await.unwrap();
    app.add_membership(&sys, soft, "ict", None, None).await.unwrap();
    let person = app
        .create_person(
            &sys,
            sat,
            &PersonInput {
                name: "Robin Example".into(),
                role_title: Some("CTO".into()),
                email: Some("robin@example.org".into()),
                email_visibility: Some("on_agreement".into()),
                phone: Some("+352 123".into()),
                phone_visibility: Some("managers".into()),
            },
        )
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for role in ROLES.iter().copied().filter(|r| *r != "anonymous") {
        let (kind, clusters, organisation) = match role {
            "participant" => ("participant", vec![], None),
            "member_sat" => ("member", vec![], Some(sat)),
            "member_soft" => ("member", vec![], Some(soft)),
            "manager_space" => ("manager", vec![space], None),
            "manager_ict" => ("manager", vec![ict], None),
            _ => ("admin", vec![], None),
        };
        let input = NewUser {
            email: email(role),
            password: PASSWORD.into(),
            role: kind.into(),
            clusters,
            organisation_id: organisation,
        };
        app.create_user(&sys, &input).await.unwrap();
        tokens.push((role, app.create_api_token(&sys, &email(role), "test").await.unwrap()));
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(web::serve(app.clone(), web::Options::default(), listener, async {
        let _ = rx.await;
    }));
    let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    TestApp {
        base,
        app,
        clock,
        label: db.label,
        space: space.get(),
        sat: sat.get(),
        soft: soft.get(),
        person: person.get(),
        tokens,
        http,
        db: Some(db),
        stop: Some(tx),
    }
}

impl TestApp {
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub(crate) fn token(&self, role: &str) -> Option<&str> {
        self.tokens.iter().find(|(r, _)| *r == role).map(|(_, t)| t.as_str())
    }

    /// An API request as `role`.
    pub(crate) fn api(&self, method: reqwest::Method, path: &str, role: &str) -> reqwest::RequestBuilder {
        let rb = self.http.request(method, self.url(&format!("/api/v1{path}")));
        match self.token(role) {
            Some(t) => rb.bearer_auth(t),
            None => rb,
        }
    }

    /// A browser-like session cookie and its CSRF token for `role` (none for anonymous).
    pub(crate) async fn session(&self, role: &str) -> Option<(String, String)> {
        if role == "anonymous" {
            return None;
        }
        let s = self.app.login(&email(role), PASSWORD, "test").await.unwrap();
        Some((format!("cb_session={}", s.token), s.csrf))
    }

    /// A new organisation in the Space cluster, for cells of the matrix that consume their target.
    pub(crate) async fn fresh_space_org(&self, name: &str) -> i64 {
        let id = self.app.create_org(&Actor::system(), &org(name, "Luxembourg")).await.unwrap();
        self.app.add_membership(&Actor::system(), id, "space", None, None).await.unwrap();
        id.get()
    }

    pub(crate) async fn stop(mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
        if let Some(db) = self.db.take() {
            db.cleanup().await.unwrap();
        }
    }
}

/// A form posted as the signed-in `who` (its session cookie and CSRF token, as
/// [`TestApp::session`] gives them): the status and the page.
pub(crate) async fn post_form(
    t: &TestApp,
    who: &(String, String),
    path: &str,
    fields: &[(&str, &str)],
) -> (reqwest::StatusCode, String) {
    let mut pairs = vec![("csrf", who.1.as_str())];
    pairs.extend_from_slice(fields);
    let r = t
        .http
        .post(t.url(path))
        .header("cookie", &who.0)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string(&pairs).unwrap())
        .send()
        .await
        .unwrap();
    (r.status(), r.text().await.unwrap())
}

/// Spawns one app per backend and runs `f` on each.
pub(crate) async fn on_every_backend<F, Fut>(f: F)
where
    F: Fn(TestApp) -> Fut,
    Fut: std::future::Future<Output = TestApp>,
{
    for db in TestDb::all().await.unwrap() {
        let t = spawn(db).await;
        let t = f(t).await;
        t.stop().await;
    }
}
