//! The access matrix: every role against every endpoint, allow or deny in every cell, and the
//! contact fields each role may see. The roles: anonymous, a participant, the member account of
//! Orbital Sat Works (`member_sat`, the organisation most cells act on, in Space) and of another
//! organisation (`member_soft`, in ICT), the manager of a cluster the organisation is in
//! (`manager_space`) and of another (`manager_ict`), and an admin. Allowed means a 2xx answer (or the redirect of a form that
//! worked); denied means 401 for anonymous visitors (400 for their forms, which fail the CSRF
//! check first) and 403 for accounts without the right.

use crate::support::{on_every_backend, TestApp, ROLES};
use reqwest::Method;
use serde_json::{json, Value};

struct Cell {
    what: &'static str,
    method: Method,
    /// `{sat}`, `{person}`, `{project}` (Orbital's project), `{fresh}` (a new Space member per
    /// cell), `{fresh_project}` (a new project of Orbital's per cell), `{invitation}` (a new
    /// invitation of Orbital into a new cluster per cell) and `{ict_invitation}` (a new Space
    /// organisation per cell, invited into ICT by its manager) are substituted.
    path: &'static str,
    body: Option<Value>,
    /// A page (session cookie) rather than the API (bearer token).
    page: bool,
    /// For a page: a form posted with the session's CSRF token (`None`: a GET).
    form: Option<&'static [(&'static str, &'static str)]>,
    allowed: &'static [&'static str],
}

/// Ids the cells refer to: `{sat}`, `{person}`, and at the forum `{sat_participant}` and `{meeting}`.
struct Ids {
    sat_participant: domain::ParticipantId,
    meeting: domain::MeetingId,
    project: domain::ProjectId,
    /// `{held}`: a held meeting between Orbital and Soft Systems (`follow_ups::held_meeting`).
    held: domain::MeetingId,
}

/// A project whose one partner is Orbital Sat Works (so Space is involved), declaring no cluster.
async fn sat_project(t: &TestApp, title: &str) -> domain::ProjectId {
    let sys = domain::Actor::system();
    let input = domain::ProjectInput { title: title.into(), kind: "common".into(), ..Default::default() };
    let id = t.app.create_project(&sys, &input, &[]).await.unwrap();
    t.app.set_partner(&sys, id, domain::OrganisationId::new(t.sat), "participant").await.unwrap();
    id
}

/// A pending invitation of Orbital Sat Works into a new cluster, sent by that cluster's manager.
async fn sat_invitation(t: &TestApp, name: &str) -> i64 {
    let sys = domain::Actor::system();
    let slug: String = name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let input =
        domain::ClusterInput { slug: slug.clone(), name: name.into(), sector: "S".into(), description: String::new() };
    let cluster = t.app.create_cluster(&sys, &input).await.unwrap();
    let manager = domain::Actor {
        user_id: None,
        email: "inviter".into(),
        role: Some(domain::Role::Manager),
        managed_clusters: vec![cluster],
        organisation_id: None,
        language: None,
    };
    match t.app.add_membership(&manager, domain::OrganisationId::new(t.sat), &slug, None, None).await.unwrap() {
        app::registry::MembershipAdded::Invited(id) => id.get(),
        other => panic!("a manager's addition is an invitation, got {other:?}"),
    }
}

/// A new Space organisation, invited into ICT by ICT's manager: an invitation `manager_ict` sent.
async fn ict_invitation(t: &TestApp, name: &str) -> i64 {
    let org = domain::OrganisationId::new(t.fresh_space_org(name).await);
    let manager = domain::Actor {
        user_id: None,
        email: "manager_ict".into(),
        role: Some(domain::Role::Manager),
        managed_clusters: vec![t.app.find_cluster("ict").await.unwrap().unwrap().id],
        organisation_id: None,
        language: None,
    };
    match t.app.add_membership(&manager, org, "ict", None, None).await.unwrap() {
        app::registry::MembershipAdded::Invited(id) => id.get(),
        other => panic!("a manager's addition is an invitation, got {other:?}"),
    }
}

const MANAGERS_ADMIN: &[&str] = &["manager_space", "manager_ict", "admin"];

/// The two sides of the held meeting (Orbital's and Soft Systems' accounts), the Space forum's
/// organiser and admins.
const FOLLOW_UP_READERS: &[&str] = &["member_sat", "member_soft", "manager_space", "admin"];

const SIGNED_IN: &[&str] = &["participant", "member_sat", "member_soft", "manager_space", "manager_ict", "admin"];

fn cells() -> Vec<Cell> {
    let api = |what, method, path, body, allowed| Cell { what, method, path, body, page: false, form: None, allowed };
    let page =
        |what, path, allowed| Cell { what, method: Method::GET, path, body: None, page: true, form: None, allowed };
    let post = |what, path, form, allowed| Cell {
        what,
        method: Method::POST,
        path,
        body: None,
        page: true,
        form: Some(form),
        allowed,
    };
    vec![
        api("list clusters", Method::GET, "/clusters", None, ROLES),
        api(
            "create cluster",
            Method::POST,
            "/clusters",
            Some(json!({"slug": "new-{role}", "name": "New", "sector": "S"})),
            &["admin"],
        ),
        api(
            "update cluster",
            Method::PUT,
            "/clusters/space",
            Some(
                json!({"slug": "space", "name": "Space", "sector": "Space sector", "description": "The Space cluster."}),
            ),
            &["manager_space", "admin"],
        ),
        api("list organisations", Method::GET, "/organisations", None, ROLES),
        api("get organisation", Method::GET, "/organisations/{sat}", None, ROLES),
        api(
            "create organisation",
            Method::POST,
            "/organisations",
            Some(json!({"name": "New {role}", "kind": "company", "country": "LU"})),
            &["manager_space", "manager_ict", "admin"],
        ),
        api(
            "update organisation",
            Method::PUT,
            "/organisations/{sat}",
            Some(json!({"name": "Orbital Sat Works", "kind": "company", "country": "LU", "city": "Betzdorf"})),
            &["member_sat", "manager_space", "admin"],
        ),
        // Deleting removes an organisation from every cluster: admins only (finding 2 of issue 13).
        api("delete organisation", Method::DELETE, "/organisations/{fresh}", None, &["admin"]),
        post("delete organisation form", "/organisations/{fresh}/delete", &[], &["admin"]),
        api("list people", Method::GET, "/organisations/{sat}/people", None, ROLES),
        api(
            "add person",
            Method::POST,
            "/organisations/{sat}/people",
            Some(json!({"name": "Person {role}"})),
            &["member_sat", "manager_space", "admin"],
        ),
        api(
            "update person",
            Method::PUT,
            "/people/{person}",
            Some(
                json!({"name": "Robin Example", "role_title": "CTO", "email": "robin@example.org", "email_visibility": "on_agreement", "phone": "+352 123", "phone_visibility": "managers"}),
            ),
            &["member_sat", "manager_space", "admin"],
        ),
        // An admin adds (201); the ICT manager's addition is an invitation (202, see `consent`).
        api(
            "add membership",
            Method::POST,
            "/organisations/{fresh}/memberships",
            Some(json!({"cluster": "ict"})),
            &["manager_ict", "admin"],
        ),
        api(
            "list invitations",
            Method::GET,
            "/organisations/{sat}/invitations",
            None,
            &["member_sat", "manager_space", "manager_ict", "admin"],
        ),
        api("accept invitation", Method::POST, "/invitations/{invitation}/accept", None, &["member_sat", "admin"]),
        api("decline invitation", Method::POST, "/invitations/{invitation}/decline", None, &["member_sat", "admin"]),
        post("accept invitation form", "/invitations/{invitation}/accept", &[], &["member_sat", "admin"]),
        post("decline invitation form", "/invitations/{invitation}/decline", &[], &["member_sat", "admin"]),
        // Withdrawn by the inviting cluster's managers and admins, never by the invited
        // organisation (it declines) or another cluster's manager.
        api("withdraw invitation", Method::POST, "/invitations/{invitation}/withdraw", None, &["admin"]),
        api(
            "withdraw ICT invitation",
            Method::POST,
            "/invitations/{ict_invitation}/withdraw",
            None,
            &["manager_ict", "admin"],
        ),
        post("withdraw invitation form", "/invitations/{ict_invitation}/withdraw", &[], &["manager_ict", "admin"]),
        // A project is changed by its partners' accounts, managers of a cluster involved, admins.
        api(
            "update project",
            Method::PUT,
            "/projects/{project}",
            Some(json!({"title": "Orbital's project", "kind": "common"})),
            &["member_sat", "manager_space", "admin"],
        ),
        api(
            "delete project",
            Method::DELETE,
            "/projects/{fresh_project}",
            None,
            &["member_sat", "manager_space", "admin"],
        ),
        api(
            "create project",
            Method::POST,
            "/projects",
            Some(json!({"title": "Project of {role}", "kind": "common", "clusters": ["space"]})),
            &["manager_space", "admin"],
        ),
        api(
            "request contact",
            Method::POST,
            "/people/{person}/contact-requests",
            Some(json!({"message": "hello"})),
            SIGNED_IN,
        ),
        api("list projects", Method::GET, "/projects", None, ROLES),
        api("find partners", Method::GET, "/partners?q=satellite", None, ROLES),
        api("themes", Method::GET, "/themes", None, ROLES),
        api("saved searches", Method::GET, "/saved-searches", None, SIGNED_IN),
        api("get event", Method::GET, "/events/forum", None, ROLES),
        api("register for event (again)", Method::POST, "/events/forum/register", None, SIGNED_IN),
        api("own availability", Method::GET, "/events/forum/availability", None, SIGNED_IN),
        api("set own availability", Method::PUT, "/events/forum/availability", Some(json!({"blocked": []})), SIGNED_IN),
        api("own agenda", Method::GET, "/events/forum/agenda", None, SIGNED_IN),
        api("organiser view", Method::GET, "/events/forum/organise", None, &["manager_space", "admin"]),
        api(
            "tables per slot",
            Method::PUT,
            "/events/forum/tables",
            Some(json!({"tables": {}})),
            &["manager_space", "admin"],
        ),
        api(
            "schedule event",
            Method::POST,
            "/events/forum/schedule",
            Some(json!({"time_limit": 0})),
            &["manager_space", "admin"],
        ),
        api(
            "create event",
            Method::POST,
            "/events",
            Some(
                json!({"slug": "day-{role-slug}", "name": "Day", "starts_on": "2027-01-20", "clusters": ["space"], "programme": ["pm 14:00 20 2"]}),
            ),
            &["manager_space", "admin"],
        ),
        api(
            "add event participant",
            Method::POST,
            "/events/forum/participants",
            Some(json!({"name": "Guest of {role}"})),
            &["manager_space", "admin"],
        ),
        page("new event page", "/events/new", &["manager_space", "manager_ict", "admin"]),
        page("event page", "/events/forum", ROLES),
        page("availability page", "/events/forum/availability", SIGNED_IN),
        page("agenda page", "/events/forum/agenda", SIGNED_IN),
        page("organise page", "/events/forum/organise", &["manager_space", "admin"]),
        // Issue 17, item 5: a manager of any cluster of an event organises it.
        page("organise two-cluster", "/events/duo/organise", &["manager_space", "manager_ict", "admin"]),
        api(
            "organiser view 2-cluster",
            Method::GET,
            "/events/duo/organise",
            None,
            &["manager_space", "manager_ict", "admin"],
        ),
        page("whom to meet page", "/events/forum/participants", ROLES),
        page("table plan printout", "/events/forum/print/table-plan", &["manager_space", "admin"]),
        page("agendas printout", "/events/forum/print/agendas", &["manager_space", "admin"]),
        // Issue 17, item 3: the console's sections and its forms, for the event's organisers.
        page("console participants", "/events/forum/organise/participants?q=orbital", &["manager_space", "admin"]),
        page("console requests", "/events/forum/organise/requests", &["manager_space", "admin"]),
        page("console schedule", "/events/forum/organise/schedule", &["manager_space", "admin"]),
        page("console tables", "/events/forum/organise/tables", &["manager_space", "admin"]),
        page("console round tables", "/events/forum/organise/round-tables", &["manager_space", "admin"]),
        page("console printouts", "/events/forum/organise/printouts", &["manager_space", "admin"]),
        page("badges printout", "/events/forum/print/badges", &["manager_space", "admin"]),
        post(
            "approve form",
            "/events/forum/approve",
            &[("participant", "{sat_participant}")],
            &["manager_space", "admin"],
        ),
        post("schedule form", "/events/forum/schedule", &[], &["manager_space", "admin"]),
        post("what-if form", "/events/forum/what-if", &[("tables", "1"), ("slots", "1")], &["manager_space", "admin"]),
        page("my requests page", "/events/forum/requests", SIGNED_IN),
        post("tables form", "/events/forum/tables", &[], &["manager_space", "admin"]),
        post(
            "check-in form",
            "/events/forum/check-in",
            &[("participant", "{sat_participant}"), ("present", "true")],
            &["manager_space", "admin"],
        ),
        post("add participant form", "/events/forum/participants", &[("name", "Guest")], &["manager_space", "admin"]),
        post(
            "someone's availability form",
            "/events/forum/availability",
            &[("participant", "{sat_participant}"), ("blocked", "")],
            &["member_sat", "manager_space", "admin"],
        ),
        post("mark meeting form", "/meetings/{meeting}/status", &[("status", "held")], &["manager_space", "admin"]),
        post("lock meeting form", "/meetings/{meeting}/lock", &[("lock", "true")], &["manager_space", "admin"]),
        // Issue 17, item 2: a meeting's video link, set by its two sides (and organisers).
        api(
            "set meeting video link",
            Method::PUT,
            "/meetings/{meeting}/video",
            Some(json!({"video_url": "https://meet.example.org/{role}"})),
            &["member_sat", "member_soft", "manager_space", "admin"],
        ),
        post(
            "meeting video form",
            "/meetings/{meeting}/video",
            &[("video_url", "https://meet.example.org/x")],
            &["member_sat", "member_soft", "manager_space", "admin"],
        ),
        // Analytics: the initiative for admins, a cluster for its managers (issue 15).
        api("analytics kpis", Method::GET, "/analytics/kpis", None, MANAGERS_ADMIN),
        api("analytics kpis of space", Method::GET, "/analytics/kpis?cluster=space", None, &["manager_space", "admin"]),
        api("analytics matrix", Method::GET, "/analytics/matrix?from=2020&to=2026", None, MANAGERS_ADMIN),
        api("analytics bridges of ict", Method::GET, "/analytics/bridges?cluster=ict", None, &["manager_ict", "admin"]),
        api("analytics isolated", Method::GET, "/analytics/isolated", None, MANAGERS_ADMIN),
        api("analytics communities", Method::GET, "/analytics/communities", None, &["admin"]),
        api(
            "analytics communities of space",
            Method::GET,
            "/analytics/communities?cluster=space",
            None,
            &["manager_space", "admin"],
        ),
        api(
            "analytics funnel of space",
            Method::GET,
            "/analytics/funnel?cluster=space",
            None,
            &["manager_space", "admin"],
        ),
        page("analytics page", "/analytics", MANAGERS_ADMIN),
        page("cluster analytics page", "/clusters/space/analytics", &["manager_space", "admin"]),
        page("analytics csv of ict", "/analytics/matrix.csv?cluster=ict", &["manager_ict", "admin"]),
        // Follow-ups of a held meeting: the sides see and record, the recording side changes
        // (`{fresh_held}`: a new held meeting per request; `{sat_follow_up}`: a new record of Orbital's).
        api("follow-ups of a meeting", Method::GET, "/meetings/{held}/follow-ups", None, FOLLOW_UP_READERS),
        api(
            "record a follow-up",
            Method::POST,
            "/meetings/{fresh_held}/follow-ups",
            Some(json!({"kind": "cooperation_started", "happened_on": "2026-02-20"})),
            &["member_sat", "member_soft"],
        ),
        api(
            "change a follow-up",
            Method::PUT,
            "/follow-ups/{sat_follow_up}",
            Some(json!({"kind": "agreement_signed", "note": "MoU"})),
            &["member_sat"],
        ),
        api("delete a follow-up", Method::DELETE, "/follow-ups/{sat_follow_up}", None, &["member_sat"]),
        post(
            "follow-up form",
            "/meetings/{fresh_held}/follow-ups",
            &[("kind", "agreement_signed")],
            &["member_sat", "member_soft"],
        ),
        post("change follow-up form", "/follow-ups/{sat_follow_up}", &[("kind", "agreement_signed")], &["member_sat"]),
        post("delete follow-up form", "/follow-ups/{sat_follow_up}/delete", &[], &["member_sat"]),
        page("forum report page", "/events/forum/report", SIGNED_IN),
        // The network map: admins and managers while nothing is published (issue 15, item 3).
        api("analytics network", Method::GET, "/analytics/network", None, MANAGERS_ADMIN),
        page("network map page", "/analytics/network", MANAGERS_ADMIN),
        page("network csv", "/analytics/network.csv", MANAGERS_ADMIN),
        page("kpi chart csv", "/analytics/chart.csv?kpi=members", MANAGERS_ADMIN),
        // Leaves ICT unpublished, as it was: the cell changes nothing the others read.
        post("publish analytics form", "/analytics/publish", &[("scope", "ict"), ("audience", "")], &["admin"]),
        page("home page", "/", ROLES),
        page("directory page", "/organisations", ROLES),
        page("organisation page", "/organisations/{sat}", ROLES),
        page("edit organisation page", "/organisations/{sat}/edit", &["member_sat", "manager_space", "admin"]),
        page("new organisation page", "/organisations/new", &["manager_space", "manager_ict", "admin"]),
        page("new cluster page", "/clusters/new", &["admin"]),
        page("edit cluster page", "/clusters/space/edit", &["manager_space", "admin"]),
        page("account page", "/account", SIGNED_IN),
        page("new project page", "/projects/new", &["manager_space", "manager_ict", "admin"]),
        page("audit log page", "/admin/audit", &["admin"]),
        page("audit log CSV", "/admin/audit.csv?entity=organisation", &["admin"]),
        page("outbox page", "/admin/outbox", &["admin"]),
        page("accounts page", "/admin/users", &["admin"]),
        page("my data download", "/account/data", SIGNED_IN),
        post(
            "delete an account form",
            "/admin/users/delete",
            &[("email", "deletable@example.org"), ("confirm", "deletable@example.org")],
            &["admin"],
        ),
        page("account access page", "/admin/users/access?email=participant@example.org", &["admin"]),
        post(
            "account access form",
            "/admin/users/access",
            &[("email", "participant@example.org"), ("role", "participant")],
            &["admin"],
        ),
        post("send a reset form", "/admin/users/reset", &[("email", "participant@example.org")], &["admin"]),
        post("outbox test mail form", "/admin/outbox/test", &[("to", "test@example.org")], &["admin"]),
        page("forgotten password page", "/password/forgot", ROLES),
        page("sign-up page", "/signup", ROLES),
        page("own organisation requests page", "/signup/organisation", SIGNED_IN),
        page("requests to join page", "/join-requests", &["manager_space", "manager_ict", "admin"]),
        // Guests (issue 16 item 2): the form is for everyone, the list and its setting for organisers.
        page("guest registration form", "/events/forum/register", ROLES),
        page("guest sign-in link page", "/guest/sign-in", ROLES),
        page("event guests page", "/events/forum/guests", &["manager_space", "admin"]),
        post("approval setting form", "/events/forum/guests/approval", &[], &["manager_space", "admin"]),
        // Another account's token is 404 to everyone: `accounts::api_tokens_are_listed_and_revoked_by_their_own_account_only`.
        api("own API tokens", Method::GET, "/me/tokens", None, SIGNED_IN),
    ]
}

async fn request(t: &TestApp, ids: &Ids, cell: &Cell, role: &str) -> u16 {
    let session = if cell.page { t.session(role).await } else { None };
    request_as(t, ids, cell, role, session, t.token(role)).await
}

/// A cell's request with the given page session (cookie, CSRF token) or API token; `role`
/// names what the cell creates.
async fn request_as(
    t: &TestApp,
    ids: &Ids,
    cell: &Cell,
    role: &str,
    session: Option<(String, String)>,
    token: Option<&str>,
) -> u16 {
    let fill = |s: &str| {
        s.replace("{sat_participant}", &ids.sat_participant.to_string())
            .replace("{meeting}", &ids.meeting.to_string())
            .replace("{held}", &ids.held.to_string())
            .replace("{project}", &ids.project.to_string())
            .replace("{sat}", &t.sat.to_string())
            .replace("{person}", &t.person.to_string())
    };
    let mut path = fill(cell.path);
    if path.contains("{fresh}") {
        let id = t.fresh_space_org(&format!("Fresh for {role} {}", cell.what)).await;
        path = path.replace("{fresh}", &id.to_string());
    }
    if path.contains("{fresh_project}") {
        let id = sat_project(t, &format!("Fresh for {role} {}", cell.what)).await;
        path = path.replace("{fresh_project}", &id.to_string());
    }
    if path.contains("{fresh_held}") {
        let (_, m) = crate::follow_ups::held_meeting(t).await;
        path = path.replace("{fresh_held}", &m.to_string());
    }
    if path.contains("{sat_follow_up}") {
        let id = crate::follow_ups::sat_follow_up(t).await;
        path = path.replace("{sat_follow_up}", &id.to_string());
    }
    if path.contains("{invitation}") {
        let id = sat_invitation(t, &format!("Invite {role} {}", cell.what)).await;
        path = path.replace("{invitation}", &id.to_string());
    }
    if path.contains("{ict_invitation}") {
        let id = ict_invitation(t, &format!("Invited {role} {}", cell.what)).await;
        path = path.replace("{ict_invitation}", &id.to_string());
    }
    let rb = if cell.page {
        let rb = t.http.request(cell.method.clone(), t.url(&path));
        let rb = match &session {
            Some((cookie, _)) => rb.header("cookie", cookie),
            None => rb,
        };
        match cell.form {
            Some(fields) => {
                let csrf = session.map(|(_, c)| c).unwrap_or_default();
                let mut pairs: Vec<(String, String)> = vec![("csrf".into(), csrf)];
                pairs.extend(fields.iter().map(|(k, v)| (k.to_string(), fill(v))));
                rb.header("content-type", "application/x-www-form-urlencoded")
                    .body(serde_urlencoded::to_string(pairs).unwrap())
            }
            None => rb,
        }
    } else {
        let rb = t.http.request(cell.method.clone(), t.url(&format!("/api/v1{path}")));
        match token {
            Some(token) => rb.bearer_auth(token),
            None => rb,
        }
    };
    let rb = match &cell.body {
        Some(b) => rb
            .header("content-type", "application/json")
            .body(b.to_string().replace("{role}", role).replace("{role-slug}", &role.replace('_', "-"))),
        None => rb,
    };
    rb.send().await.unwrap().status().as_u16()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_against_every_endpoint() {
    on_every_backend(|t| async move {
        // The forum, with every account registered and one meeting; an event of two clusters.
        crate::events::forum(&t).await;
        crate::events::two_cluster_event(&t, "duo").await;
        for role in ROLES.iter().filter(|r| **r != "anonymous") {
            let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
            assert!(r.status().is_success(), "{role} registers");
        }
        let sys = domain::Actor::system();
        let view = t.app.event_view(&sys, "forum").await.unwrap();
        let id_of = |org: i64| {
            view.participants.iter().find(|p| p.organisation_id == Some(domain::OrganisationId::new(org))).unwrap().id
        };
        let project = sat_project(&t, "Orbital's project").await;
        // An account only the "delete an account" cell deletes.
        let deletable = app::auth::NewUser {
            email: "deletable@example.org".into(),
            password: crate::support::PASSWORD.into(),
            role: "participant".into(),
            ..Default::default()
        };
        t.app.create_user(&sys, &deletable).await.unwrap();
        let (_, held) = crate::follow_ups::held_meeting(&t).await;
        let ids = Ids { sat_participant: id_of(t.sat), meeting: domain::MeetingId::default(), project, held };
        let meeting = t.app.add_meeting(&sys, "forum", ids.sat_participant, id_of(t.soft), 1).await.unwrap();
        let ids = Ids { meeting, ..ids };
        let mut table = String::new();
        let mut failures = Vec::new();
        for cell in cells() {
            let mut line = format!("{:<24}", cell.what);
            for role in ROLES {
                let status = request(&t, &ids, &cell, role).await;
                let allowed = cell.allowed.contains(role);
                // A form that worked answers with a redirect.
                let ok = if allowed {
                    (200..300).contains(&status) || (cell.form.is_some() && status == 303)
                } else if *role == "anonymous" {
                    // A form posted without a session fails the CSRF check first (400).
                    status == 401 || (cell.form.is_some() && status == 400)
                } else {
                    status == 403
                };
                line.push_str(&format!(" {role}={status}{}", if ok { "" } else { "!" }));
                if !ok {
                    failures.push(format!(
                        "{} as {role}: got {status}, expected {}",
                        cell.what,
                        if allowed { "2xx" } else { "deny" }
                    ));
                }
            }
            table.push_str(&line);
            table.push('\n');
        }
        println!("access matrix on {}:\n{table}", t.label);
        assert!(failures.is_empty(), "{} on {}:\n{}", failures.len(), t.label, failures.join("\n"));
        t
    })
    .await;
}

/// Every role's status for GET cells given as (what, page, path, allowed).
async fn get_statuses(
    t: &TestApp,
    ids: &Ids,
    cells: &[(&'static str, bool, &'static str, &'static [&'static str])],
) -> Vec<Vec<u16>> {
    let mut statuses = Vec::new();
    for &(what, page, path, allowed) in cells {
        let cell = Cell { what, method: Method::GET, path, body: None, page, form: None, allowed };
        let mut line = Vec::new();
        for role in ROLES {
            line.push(request(t, ids, &cell, role).await);
        }
        statuses.push(line);
    }
    statuses
}

/// Analytics once an admin published them: the initiative's and Space's figures to the members,
/// then the initiative's to everyone. Cells: (what, page, path, allowed).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn published_analytics_for_every_role() {
    const MEMBERS: &[&str] = &["member_sat", "member_soft", "manager_space", "manager_ict", "admin"];
    on_every_backend(|t| async move {
        let sys = domain::Actor::system();
        t.app.publish_analytics(&sys, None, Some("members")).await.unwrap();
        t.app.publish_analytics(&sys, Some("space"), Some("members")).await.unwrap();
        let cells: Vec<(&'static str, bool, &'static str, &'static [&'static str])> = vec![
            ("initiative page", true, "/analytics", MEMBERS),
            ("initiative kpis", false, "/analytics/kpis", MEMBERS),
            ("initiative communities", false, "/analytics/communities", MEMBERS),
            ("space page", true, "/clusters/space/analytics", MEMBERS),
            ("space matrix", false, "/analytics/matrix?cluster=space", MEMBERS),
            ("ict page (unpublished)", true, "/clusters/ict/analytics", &["manager_ict", "admin"]),
            ("network map", true, "/analytics/network", MEMBERS),
            ("network api", false, "/analytics/network", MEMBERS),
            ("kpi chart csv", true, "/analytics/chart.csv?kpi=members", MEMBERS),
        ];
        let mut failures = Vec::new();
        let mut check = |cells: &[(&str, bool, &str, &[&str])], statuses: Vec<Vec<u16>>| {
            for ((what, _, _, allowed), line) in cells.iter().zip(statuses) {
                for (role, status) in ROLES.iter().zip(line) {
                    let ok = if allowed.contains(role) {
                        status == 200
                    } else {
                        status == if *role == "anonymous" { 401 } else { 403 }
                    };
                    if !ok {
                        failures.push(format!("{what} as {role}: {status}"));
                    }
                }
            }
        };
        let ids = Ids {
            sat_participant: Default::default(),
            meeting: Default::default(),
            project: Default::default(),
            held: Default::default(),
        };
        let statuses = get_statuses(&t, &ids, &cells).await;
        check(&cells, statuses);
        // To everyone: visitors and participants read the initiative's dashboard and map.
        t.app.publish_analytics(&sys, None, Some("public")).await.unwrap();
        let public: Vec<(&'static str, bool, &'static str, &'static [&'static str])> = vec![
            ("initiative page (public)", true, "/analytics", ROLES),
            ("network map (public)", true, "/analytics/network", ROLES),
            ("space page (members)", true, "/clusters/space/analytics", MEMBERS),
        ];
        let statuses = get_statuses(&t, &ids, &public).await;
        check(&public, statuses);
        assert!(failures.is_empty(), "{} on {}:\n{}", failures.len(), t.label, failures.join("\n"));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_fields_follow_visibility_for_every_role() {
    on_every_backend(|t| async move {
        // email is `on_agreement`, phone is `managers`.
        let expect = |role: &str| match role {
            "member_sat" => (true, true),
            "manager_space" | "admin" => (false, true),
            _ => (false, false),
        };
        let people = |role: &'static str| {
            let rb = t.api(Method::GET, &format!("/organisations/{}/people", t.sat), role);
            async move { rb.send().await.unwrap().json::<Value>().await.unwrap() }
        };
        for role in ROLES {
            let v = people(role).await;
            let p = &v["items"][0];
            let seen = (p["email"].is_string(), p["phone"].is_string());
            assert_eq!(seen, expect(role), "{role} on {}: {p}", t.label);
            assert_eq!(p["name"], "Robin Example");
        }
        // Agreement reveals the e-mail to the one who asked, and to nobody else.
        let r: Value = t
            .api(Method::POST, &format!("/people/{}/contact-requests", t.person), "member_soft")
            .header("content-type", "application/json")
            .body(r#"{"message": "Satellite software?"}"#)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let id = r["id"].as_i64().unwrap();
        let path = format!("/contact-requests/{id}/accept");
        assert_eq!(t.api(Method::POST, &path, "member_soft").send().await.unwrap().status(), 403);
        assert_eq!(t.api(Method::POST, &path, "member_sat").send().await.unwrap().status(), 204);
        assert_eq!(people("member_soft").await["items"][0]["email"], "robin@example.org", "{}", t.label);
        assert!(people("manager_ict").await["items"][0]["email"].is_null());
        assert!(people("anonymous").await["items"][0]["email"].is_null());
        t
    })
    .await;
}

/// Finding 6 of issue 13: an account's e-mail is its own business. On an event (page and API)
/// and its round tables (API), a participant registered from an account is shown by name, or
/// organisation, to everyone but the account itself, the event's organisers (`manager_space`
/// for the Space forum) and admins; on a cluster (page and API) the managers' e-mails reach
/// only admins and that cluster's managers. Pages also show the signed-in account its own
/// e-mail (the navigation bar).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn account_emails_reach_only_the_account_its_organisers_and_admins() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        let registered = ["participant", "member_sat", "member_soft", "manager_ict"];
        for role in registered {
            let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
            assert!(r.status().is_success(), "{role} registers");
            let r = t
                .api(Method::PUT, "/events/forum/round-table", role)
                .header("content-type", "application/json")
                .body(r#"{"join": true}"#)
                .send()
                .await
                .unwrap();
            assert!(r.status().is_success(), "{role} joins a round table: {}", r.status());
        }
        let accounts: Vec<&str> = ROLES.iter().copied().filter(|r| *r != "anonymous").collect();
        let seen = |body: &str| -> Vec<&str> {
            accounts.iter().copied().filter(|r| body.contains(&crate::support::email(r))).collect()
        };
        let get = |path: String, role: &'static str, page: bool| {
            let t = &t;
            async move {
                let rb = if page {
                    let rb = t.http.get(t.url(&path));
                    match t.session(role).await {
                        Some((cookie, _)) => rb.header("cookie", cookie),
                        None => rb,
                    }
                } else {
                    t.api(Method::GET, &path, role)
                };
                let r = rb.send().await.unwrap();
                assert!(r.status().is_success(), "{path} as {role}: {}", r.status());
                r.text().await.unwrap()
            }
        };
        let mut failures = Vec::new();
        for role in ROLES.iter().copied() {
            let signed_in = role != "anonymous";
            for (path, page) in
                [("/events/forum", false), ("/events/forum", true), ("/events/forum/round-tables", false)]
            {
                let organiser = matches!(role, "manager_space" | "admin");
                let want: Vec<&str> = accounts
                    .iter()
                    .copied()
                    .filter(|a| {
                        let own = *a == role && (page || registered.contains(a));
                        own || (organiser && registered.contains(a))
                    })
                    .collect();
                let got = seen(&get(path.to_string(), role, page).await);
                if got != want {
                    failures.push(format!("{path} (page: {page}) as {role}: e-mails of {got:?}, expected {want:?}"));
                }
            }
            for page in [false, true] {
                let body = get("/clusters/space".to_string(), role, page).await;
                let want: Vec<&str> = accounts
                    .iter()
                    .copied()
                    .filter(|a| {
                        let manager = *a == "manager_space" && matches!(role, "manager_space" | "admin");
                        manager || (*a == role && page && signed_in)
                    })
                    .collect();
                let got = seen(&body);
                if got != want {
                    failures
                        .push(format!("cluster space (page: {page}) as {role}: e-mails of {got:?}, expected {want:?}"));
                }
                if !page && !matches!(role, "manager_space" | "admin") {
                    let v: Value = serde_json::from_str(&body).unwrap();
                    assert_eq!(v["managers"], json!(["Cluster manager"]), "{role} on {}", t.label);
                }
            }
        }
        assert!(failures.is_empty(), "{} on {}:\n{}", failures.len(), t.label, failures.join("\n"));
        // What others see instead: the organisation, or a neutral label without one.
        let v: Value = serde_json::from_str(&get("/events/forum".into(), "anonymous", false).await).unwrap();
        let mut names: Vec<&str> =
            v["participants"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        names.sort();
        assert_eq!(names.len(), 4, "{names:?}");
        assert!(names.contains(&"Orbital Sat Works") && names.contains(&"Soft Systems"), "{names:?} on {}", t.label);
        assert_eq!(names.iter().filter(|n| n.starts_with("Participant ")).count(), 2, "{names:?}");
        t
    })
    .await;
}

/// Finding 1 of issue 13, role by role: Robin's `on_agreement` e-mail (Orbital Sat Works) stays
/// hidden from every role after the organisers add a meeting between that role and Orbital, and
/// opens to exactly the roles whose meeting request Orbital's own account accepted. Orbital's
/// own account sees it throughout; anonymous visitors take part in nothing and see nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_agreement_fields_open_on_an_accepted_request_not_an_organisers_meeting() {
    on_every_backend(|t| async move {
        let email = |role: &'static str| {
            let rb = t.api(Method::GET, &format!("/organisations/{}/people", t.sat), role);
            async move { rb.send().await.unwrap().json::<Value>().await.unwrap()["items"][0]["email"].clone() }
        };
        let call = |method: Method, path: String, role: &'static str, body: Option<Value>| {
            let mut rb = t.api(method, &path, role);
            if let Some(b) = body {
                rb = rb.header("content-type", "application/json").body(b.to_string());
            }
            async move {
                let r = rb.send().await.unwrap();
                (r.status().as_u16(), r.json::<Value>().await.unwrap_or(Value::Null))
            }
        };
        let others: Vec<&'static str> =
            ROLES.iter().copied().filter(|r| !matches!(*r, "anonymous" | "member_sat")).collect();
        let sys = domain::Actor::system();
        for slug in ["added", "asked"] {
            let event = json!({"slug": slug, "name": "Forum", "clusters": ["space"], "starts_on": "2027-05-01", "programme": ["am 10:00 20 9"]});
            assert_eq!(call(Method::POST, "/events".into(), "admin", Some(event)).await.0, 201);
            for role in ROLES.iter().copied().filter(|r| *r != "anonymous") {
                assert_eq!(call(Method::POST, format!("/events/{slug}/register"), role, None).await.0, 201);
            }
        }
        let participant = |slug: &'static str, role: &'static str| {
            let f = call(Method::GET, format!("/events/{slug}"), role, None);
            async move { domain::ParticipantId::new(f.await.1["me"].as_i64().unwrap()) }
        };
        // Organisers add a meeting between every role and Orbital: nobody agreed to anything.
        let sat_added = participant("added", "member_sat").await;
        for role in others.iter().copied() {
            t.app.add_meeting(&sys, "added", participant("added", role).await, sat_added, 1).await.unwrap();
        }
        let mut failures = Vec::new();
        for role in ROLES.iter().copied() {
            let want = if role == "member_sat" { json!("robin@example.org") } else { Value::Null };
            let got = email(role).await;
            if got != want {
                failures.push(format!("after organisers' meetings, {role} sees {got}"));
            }
        }
        // Every other role asks Orbital for a meeting; Orbital's account accepts all but the ICT
        // manager's, which it declines.
        let sat_asked = participant("asked", "member_sat").await;
        for role in others.iter().copied() {
            let (status, r) =
                call(Method::POST, "/events/asked/requests".into(), role, Some(json!({"to": sat_asked.get()}))).await;
            assert_eq!(status, 201, "{role}: {r}");
            let answer = if role == "manager_ict" { "decline" } else { "accept" };
            let path = format!("/meeting-requests/{}/{answer}", r["id"]);
            assert_eq!(call(Method::POST, path, "member_sat", None).await.0, 204);
        }
        for role in ROLES.iter().copied() {
            let opened = !matches!(role, "anonymous" | "manager_ict");
            let want = if opened { json!("robin@example.org") } else { Value::Null };
            let got = email(role).await;
            if got != want {
                failures.push(format!("after accepted requests, {role} sees {got}"));
            }
        }
        assert!(failures.is_empty(), "on {}:\n{}", t.label, failures.join("\n"));
        t
    })
    .await;
}

/// Issue 16 item 2, as an attacker would try it: a guest (registered for the forum from its
/// public form, confirmed by the mailed link, then holding a session and even an API token) is
/// allowed exactly what a registered participant account is, on every cell of the matrix; and
/// less: no other event's registration, no request to represent an organisation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_guest_gains_no_right_a_participant_account_lacks() {
    on_every_backend(|t| async move {
        crate::events::forum(&t).await;
        crate::events::two_cluster_event(&t, "duo").await;
        for role in ROLES.iter().filter(|r| **r != "anonymous") {
            let r = t.api(Method::POST, "/events/forum/register", role).send().await.unwrap();
            assert!(r.status().is_success(), "{role} registers");
        }
        let address = "gus@guest.example.org";
        let fields = crate::guests::guest_fields("Gus Guest", address);
        let r = crate::guests::anonymous_form(&t, "/events/forum/register", &fields).await;
        assert_eq!(r.status(), 303);
        let link = crate::guests::guest_link(&t, address).await;
        let (session, slug) = t.app.use_guest_link(link.trim_start_matches("/guest/link/"), None).await.unwrap();
        assert_eq!(slug, "forum");
        let cookie = format!("cb_session={}", session.token);
        let token = t.app.create_api_token(&domain::Actor::system(), address, "test").await.unwrap();
        let sys = domain::Actor::system();
        let view = t.app.event_view(&sys, "forum").await.unwrap();
        let id_of = |org: i64| {
            view.participants.iter().find(|p| p.organisation_id == Some(domain::OrganisationId::new(org))).unwrap().id
        };
        let project = sat_project(&t, "Orbital's project").await;
        let meeting = t.app.add_meeting(&sys, "forum", id_of(t.sat), id_of(t.soft), 1).await.unwrap();
        let (_, held) = crate::follow_ups::held_meeting(&t).await;
        let ids = Ids { sat_participant: id_of(t.sat), meeting, project, held };
        let mut failures = Vec::new();
        let mut check = |what: &str, status: u16, allowed: bool, form: bool| {
            let ok = if allowed { (200..300).contains(&status) || (form && status == 303) } else { status == 403 };
            if !ok {
                failures
                    .push(format!("{what} as a guest: got {status}, expected {}", if allowed { "2xx" } else { "403" }));
            }
        };
        for cell in cells() {
            let session = cell.page.then(|| (cookie.clone(), session.csrf.clone()));
            let status = request_as(&t, &ids, &cell, "guest", session, Some(&token)).await;
            check(cell.what, status, cell.allowed.contains(&"participant"), cell.form.is_some());
        }
        // What a participant account may do and a guest may not.
        let own = |what, method, path, form: Option<&'static [(&'static str, &'static str)]>| Cell {
            what,
            method,
            path,
            body: None,
            page: form.is_some(),
            form,
            allowed: &[],
        };
        for cell in [
            own("register for another event", Method::POST, "/events/duo/register", None),
            own("register for another event (form)", Method::POST, "/events/duo/register", Some(&[])),
            own(
                "claim an organisation",
                Method::POST,
                "/signup/organisation/claim",
                Some(&[("organisation", "{sat}")]),
            ),
        ] {
            let session = cell.page.then(|| (cookie.clone(), session.csrf.clone()));
            let status = request_as(&t, &ids, &cell, "guest", session, Some(&token)).await;
            check(cell.what, status, false, true);
        }
        // The participant account may (the difference is the guest's scope, not the role's).
        let r = t.api(Method::POST, "/events/duo/register", "participant").send().await.unwrap();
        assert_eq!(r.status(), 201);
        assert!(failures.is_empty(), "{} on {}:\n{}", failures.len(), t.label, failures.join("\n"));
        t
    })
    .await;
}
