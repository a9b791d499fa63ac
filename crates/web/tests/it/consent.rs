//! Issue 13, findings 1 and 2, through the API on every engine: consent that an organiser cannot
//! bypass, and cluster managers confined to the organisations that are current members of their
//! clusters. The role-by-role cells are in `access`; these are the findings' stories.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn call(t: &TestApp, method: Method, path: &str, role: &str, body: Option<Value>) -> (u16, Value) {
    let mut rb = t.api(method, path, role);
    if let Some(b) = body {
        rb = rb.header("content-type", "application/json").body(b.to_string());
    }
    let resp = rb.send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// The slugs of an organisation's current clusters, sorted.
async fn clusters_of(t: &TestApp, org: &str) -> Vec<String> {
    let (_, v) = call(t, Method::GET, org, "anonymous", None).await;
    let mut slugs: Vec<String> = v["clusters"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().into()).collect();
    slugs.sort();
    slugs
}

/// Robin Example's fields (Orbital Sat Works; e-mail `on_agreement`, phone `managers`) as `role` sees them.
async fn robin(t: &TestApp, role: &str) -> (Value, Value) {
    let (status, v) = call(t, Method::GET, &format!("/organisations/{}/people", t.sat), role, None).await;
    assert_eq!(status, 200);
    let p = v["items"].as_array().unwrap().iter().find(|p| p["name"] == "Robin Example").unwrap().clone();
    (p["email"].clone(), p["phone"].clone())
}

/// Finding 1: an organiser (a manager of the event's cluster, or an admin) who adds a meeting
/// between themselves and anyone registered for Orbital Sat Works does not see the e-mail that
/// Robin shares only on agreement. Before the fix, the e-mail appeared after the meeting.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organiser_made_meeting_reveals_no_on_agreement_field() {
    on_every_backend(|t| async move {
        for (organiser, slug) in [("manager_space", "mgr-ev"), ("admin", "adm-ev")] {
            assert_eq!(robin(&t, organiser).await.0, Value::Null, "{organiser} before, on {}", t.label);
            let event = json!({"slug": slug, "name": "Forum", "clusters": ["space"], "starts_on": "2027-05-01", "programme": ["am 10:00 20 3"]});
            assert_eq!(call(&t, Method::POST, "/events", organiser, Some(event)).await.0, 201);
            let (status, me) = call(&t, Method::POST, &format!("/events/{slug}/register"), organiser, None).await;
            assert_eq!(status, 201, "{me}");
            let anyone = json!({"name": "anyone", "organisation": t.sat});
            let (status, them) =
                call(&t, Method::POST, &format!("/events/{slug}/participants"), organiser, Some(anyone)).await;
            assert_eq!(status, 201, "{them}");
            let meeting = json!({"a": me["participant"], "b": them["participant"]});
            let (status, v) = call(&t, Method::POST, &format!("/events/{slug}/meetings"), organiser, Some(meeting)).await;
            assert_eq!(status, 201, "{v}");
            let (email, phone) = robin(&t, organiser).await;
            assert_eq!(email, Value::Null, "{organiser} after an organiser-made meeting, on {}", t.label);
            assert_eq!(phone, "+352 123", "{organiser} still sees what managers see");
            // Nobody else gained anything either: the other side's people stay as they were.
            assert_eq!(robin(&t, "member_soft").await, (Value::Null, Value::Null));
        }
        t
    })
    .await;
}

/// The consent that does count: a meeting request Soft Systems' account sent and Orbital Sat
/// Works' own account accepted opens Robin's e-mail to Soft Systems, and to nobody else; the one
/// who accepted does not thereby see the asker's `on_agreement` fields.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_accepted_meeting_request_reveals_to_the_asker_only() {
    on_every_backend(|t| async move {
        let sys = domain::Actor::system();
        let kim = domain::PersonInput {
            name: "Kim Soft".into(),
            email: Some("kim@soft.example.org".into()),
            email_visibility: Some("on_agreement".into()),
            ..Default::default()
        };
        t.app.create_person(&sys, domain::OrganisationId::new(t.soft), &kim).await.unwrap();
        crate::events::forum(&t).await;
        for role in ["member_sat", "member_soft", "manager_space"] {
            assert_eq!(call(&t, Method::POST, "/events/forum/register", role, None).await.0, 201);
        }
        let (_, ev) = call(&t, Method::GET, "/events/forum", "member_sat", None).await;
        let sat = ev["me"].as_i64().unwrap();
        // A request nobody answered reveals nothing.
        let (status, r) =
            call(&t, Method::POST, "/events/forum/requests", "member_soft", Some(json!({"to": sat}))).await;
        assert_eq!(status, 201, "{r}");
        assert_eq!(robin(&t, "member_soft").await.0, Value::Null);
        let accept = format!("/meeting-requests/{}/accept", r["id"]);
        assert_eq!(call(&t, Method::POST, &accept, "admin", None).await.0, 403, "an admin cannot accept for them");
        assert_eq!(call(&t, Method::POST, &accept, "member_sat", None).await.0, 204);
        assert_eq!(robin(&t, "member_soft").await.0, "robin@example.org", "on {}", t.label);
        for role in ["manager_space", "manager_ict", "admin", "participant", "anonymous"] {
            assert_eq!(robin(&t, role).await.0, Value::Null, "{role} on {}", t.label);
        }
        let (_, kim) = call(&t, Method::GET, &format!("/organisations/{}/people", t.soft), "member_sat", None).await;
        assert_eq!(kim["items"][0]["email"], Value::Null, "accepting is not asking: {kim}");
        t
    })
    .await;
}

/// Finding 2: a manager of ICT only cannot take Orbital Sat Works (Space) over by adding it to
/// ICT. The addition is an invitation that gives nothing until Orbital's own account accepts;
/// deleting stays with admins even then; a project is changed by its partners' accounts and the
/// managers of a cluster involved, not by an unrelated manager. Before the fix the addition was
/// a membership at once (201), after which the manager could edit (200), delete (204), see the
/// `managers` fields, and delete Orbital's project (204).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_manager_cannot_take_over_an_organisation_by_adding_it() {
    on_every_backend(|t| async move {
        let org = format!("/organisations/{}", t.sat);
        let profile = json!({"name": "Taken Over", "kind": "company", "country": "LU"});
        let project = json!({"title": "Orbital's own project", "kind": "common", "clusters": ["space"]});
        let (status, p) = call(&t, Method::POST, "/projects", "manager_space", Some(project.clone())).await;
        assert_eq!(status, 201, "{p}");
        let project_path = format!("/projects/{}", p["id"]);
        let partner = json!({"role": "coordinator"});
        assert_eq!(
            call(&t, Method::PUT, &format!("{project_path}/partners/{}", t.sat), "admin", Some(partner)).await.0,
            200
        );

        assert_eq!(call(&t, Method::PUT, &org, "manager_ict", Some(profile.clone())).await.0, 403);
        let (status, v) =
            call(&t, Method::POST, &format!("{org}/memberships"), "manager_ict", Some(json!({"cluster": "ict"}))).await;
        assert_eq!(status, 202, "an invitation, not a membership: {v} on {}", t.label);
        let invitation = v["invitation"].as_i64().unwrap();
        let (status, _) =
            call(&t, Method::POST, &format!("{org}/memberships"), "manager_ict", Some(json!({"cluster": "ict"}))).await;
        assert_eq!(status, 409, "one open invitation per cluster");
        // Pending: no right, nothing more to see, not a member.
        assert_eq!(call(&t, Method::PUT, &org, "manager_ict", Some(profile.clone())).await.0, 403);
        assert_eq!(call(&t, Method::DELETE, &org, "manager_ict", None).await.0, 403);
        assert_eq!(call(&t, Method::DELETE, &project_path, "manager_ict", None).await.0, 403);
        assert_eq!(robin(&t, "manager_ict").await, (Value::Null, Value::Null));
        assert_eq!(clusters_of(&t, &org).await, ["space"]);
        // The organisation's account sees it and may answer; the inviting manager sees it waiting.
        let (status, mine) = call(&t, Method::GET, &format!("{org}/invitations"), "member_sat", None).await;
        assert_eq!((status, mine["items"][0]["cluster"].clone()), (200, json!("ict")), "{mine}");
        assert_eq!(mine["items"][0]["can_answer"], true);
        let (_, theirs) = call(&t, Method::GET, &format!("{org}/invitations"), "manager_ict", None).await;
        assert_eq!(theirs["items"][0]["can_answer"], false);
        let (_, others) = call(&t, Method::GET, &format!("{org}/invitations"), "manager_space", None).await;
        assert_eq!(others["items"], json!([]), "another cluster's invitation is not theirs to see");
        assert_eq!(call(&t, Method::GET, &format!("{org}/invitations"), "member_soft", None).await.0, 403);
        let accept = format!("/invitations/{invitation}/accept");
        for role in ["manager_ict", "manager_space", "member_soft", "participant"] {
            assert_eq!(call(&t, Method::POST, &accept, role, None).await.0, 403, "{role} may not accept");
        }
        assert_eq!(call(&t, Method::POST, &accept, "member_sat", None).await.0, 204);
        assert_eq!(call(&t, Method::POST, &accept, "member_sat", None).await.0, 409, "answered already");
        // Accepted: a current member of ICT, so its manager now acts on it, but never deletes it.
        assert_eq!(clusters_of(&t, &org).await, ["ict", "space"]);
        assert_eq!(call(&t, Method::PUT, &org, "manager_ict", Some(profile)).await.0, 200);
        assert_eq!(robin(&t, "manager_ict").await.1, "+352 123");
        assert_eq!(call(&t, Method::DELETE, &org, "manager_ict", None).await.0, 403);
        assert_eq!(call(&t, Method::DELETE, &org, "manager_space", None).await.0, 403);
        // The project: its partner's account changes it; an unrelated member's account may not.
        let renamed = json!({"title": "Renamed by its partner", "kind": "common"});
        assert_eq!(call(&t, Method::PUT, &project_path, "member_soft", Some(renamed.clone())).await.0, 403);
        assert_eq!(call(&t, Method::PUT, &project_path, "member_sat", Some(renamed)).await.0, 200);
        assert_eq!(call(&t, Method::DELETE, &project_path, "manager_ict", None).await.0, 204, "ICT is involved now");
        assert_eq!(call(&t, Method::DELETE, &org, "admin", None).await.0, 204);
        t
    })
    .await;
}

/// A declined invitation makes no membership, and an admin's addition is a membership at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_declined_invitation_makes_no_membership_and_admins_add_at_once() {
    on_every_backend(|t| async move {
        let soft = format!("/organisations/{}", t.soft);
        let (status, v) =
            call(&t, Method::POST, &format!("{soft}/memberships"), "manager_space", Some(json!({"cluster": "space"})))
                .await;
        assert_eq!(status, 202, "{v}");
        let decline = format!("/invitations/{}/decline", v["invitation"]);
        assert_eq!(call(&t, Method::POST, &decline, "member_sat", None).await.0, 403);
        assert_eq!(call(&t, Method::POST, &decline, "member_soft", None).await.0, 204);
        assert_eq!(clusters_of(&t, &soft).await, ["ict"]);
        assert_eq!(
            call(&t, Method::GET, &format!("{soft}/invitations"), "member_soft", None).await.1["items"],
            json!([])
        );
        let (status, v) =
            call(&t, Method::POST, &format!("{soft}/memberships"), "admin", Some(json!({"cluster": "space"}))).await;
        assert_eq!(status, 201, "{v}");
        assert_eq!(clusters_of(&t, &soft).await, ["ict", "space"]);
        t
    })
    .await;
}

/// A form posted to `path` with this session (cookie, CSRF token); its status and `Location`.
async fn form(t: &TestApp, path: &str, session: &(String, String)) -> (u16, String) {
    let r = t
        .http
        .post(t.url(path))
        .header("cookie", &session.0)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(serde_urlencoded::to_string([("csrf", session.1.as_str())]).unwrap())
        .send()
        .await
        .unwrap();
    let location = r.headers().get("location").map(|l| l.to_str().unwrap().to_string()).unwrap_or_default();
    (r.status().as_u16(), location)
}

/// A page's HTML as this session sees it.
async fn page(t: &TestApp, path: &str, session: &(String, String)) -> String {
    let r = t.http.get(t.url(path)).header("cookie", &session.0).send().await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    r.text().await.unwrap()
}

/// A member account answers its organisation's invitations on its own account page: the
/// pending ones are listed there with Accept and Decline (the forms the organisation page
/// uses); another organisation's account does not see them; an answered one is gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_member_account_answers_invitations_on_its_account_page() {
    on_every_backend(|t| async move {
        let org = format!("/organisations/{}", t.sat);
        let (status, v) =
            call(&t, Method::POST, &format!("{org}/memberships"), "manager_ict", Some(json!({"cluster": "ict"}))).await;
        assert_eq!(status, 202, "{v}");
        let ict = v["invitation"].as_i64().unwrap();
        let sat = t.session("member_sat").await.unwrap();
        let html = page(&t, "/account", &sat).await;
        assert!(html.contains("Invitations into clusters"), "{html}");
        assert!(html.contains(&format!(r#"action="/invitations/{ict}/accept""#)), "{html}");
        assert!(html.contains(&format!(r#"action="/invitations/{ict}/decline""#)), "{html}");
        let soft = t.session("member_soft").await.unwrap();
        assert!(!page(&t, "/account", &soft).await.contains("/invitations/"), "not Soft's to answer");
        let manager = t.session("manager_ict").await.unwrap();
        assert!(!page(&t, "/account", &manager).await.contains("Invitations into clusters"));

        let (status, location) = form(&t, &format!("/invitations/{ict}/accept"), &sat).await;
        assert_eq!((status, location.as_str()), (303, org.as_str()), "on {}", t.label);
        assert_eq!(clusters_of(&t, &org).await, ["ict", "space"]);
        assert!(!page(&t, "/account", &sat).await.contains("Invitations into clusters"), "answered");

        // Declined from the account page: no membership.
        let soft_org = format!("/organisations/{}", t.soft);
        let (_, v) = call(
            &t,
            Method::POST,
            &format!("{soft_org}/memberships"),
            "manager_space",
            Some(json!({"cluster": "space"})),
        )
        .await;
        let id = v["invitation"].as_i64().unwrap();
        assert!(page(&t, "/account", &soft).await.contains(&format!("/invitations/{id}/decline")));
        assert_eq!(form(&t, &format!("/invitations/{id}/decline"), &soft).await.0, 303);
        assert_eq!(clusters_of(&t, &soft_org).await, ["ict"]);
        assert!(!page(&t, "/account", &soft).await.contains("Invitations into clusters"));
        t
    })
    .await;
}

/// The inviting cluster's manager withdraws an invitation, from the cluster page's "Invited"
/// list or by API; the invited organisation (which declines instead) and another cluster's
/// manager may not. A withdrawn invitation can no longer be answered, and the cluster may
/// invite the organisation again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_inviting_manager_withdraws_an_invitation() {
    on_every_backend(|t| async move {
        let org = format!("/organisations/{}", t.sat);
        let memberships = format!("{org}/memberships");
        let invite = || call(&t, Method::POST, &memberships, "manager_ict", Some(json!({"cluster": "ict"})));
        let (status, v) = invite().await;
        assert_eq!(status, 202, "{v}");
        let first = v["invitation"].as_i64().unwrap();
        let withdraw = format!("/invitations/{first}/withdraw");
        for role in ["member_sat", "manager_space", "member_soft", "participant"] {
            assert_eq!(call(&t, Method::POST, &withdraw, role, None).await.0, 403, "{role} may not withdraw");
        }
        assert_eq!(call(&t, Method::POST, &withdraw, "anonymous", None).await.0, 401);
        assert_eq!(call(&t, Method::POST, "/invitations/999999/withdraw", "manager_ict", None).await.0, 404);

        // From the cluster page: the "Invited" list has the form; it comes back to the list.
        let manager = t.session("manager_ict").await.unwrap();
        let html = page(&t, "/clusters/ict", &manager).await;
        assert!(html.contains(&format!(r#"action="{withdraw}""#)), "{html}");
        assert_eq!(form(&t, &withdraw, &manager).await, (303, "/clusters/ict#invited".to_string()), "on {}", t.label);
        assert!(!page(&t, "/clusters/ict", &manager).await.contains(&withdraw), "no longer listed");
        let (_, mine) = call(&t, Method::GET, &format!("{org}/invitations"), "member_sat", None).await;
        assert_eq!(mine["items"], json!([]), "gone for the organisation too");
        assert_eq!(call(&t, Method::POST, &format!("/invitations/{first}/accept"), "member_sat", None).await.0, 409);
        assert_eq!(call(&t, Method::POST, &withdraw, "manager_ict", None).await.0, 409, "withdrawn already");
        assert_eq!(clusters_of(&t, &org).await, ["space"]);

        // Invited again, withdrawn by API.
        let (status, v) = invite().await;
        assert_eq!(status, 202, "a withdrawn invitation is not an open one: {v}");
        let again = format!("/invitations/{}/withdraw", v["invitation"]);
        assert_eq!(call(&t, Method::POST, &again, "manager_ict", None).await.0, 204);
        t
    })
    .await;
}
