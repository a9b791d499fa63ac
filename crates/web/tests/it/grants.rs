//! An account's access changed in the browser by an administrator (`/admin/users/access`), and
//! invitations that name the organisation instead of its id.

use crate::support::{email, on_every_backend, post_form as post, TestApp};
use reqwest::StatusCode;

async fn get(t: &TestApp, cookie: &str, path: &str) -> StatusCode {
    t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap().status()
}

async fn role_of(t: &TestApp, address: &str) -> (String, Vec<i64>, Option<i64>) {
    let users = t.app.list_users(&domain::Actor::system()).await.unwrap();
    let (u, cs) = users.into_iter().find(|(u, _)| u.email == address).unwrap();
    (u.role.as_str().to_string(), cs.iter().map(|c| c.get()).collect(), u.organisation_id.map(|o| o.get()))
}

#[tokio::test]
async fn an_admin_changes_an_accounts_role_clusters_and_organisation() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let ict = t.app.find_cluster("ict").await.unwrap().unwrap().id.get().to_string();
        let member = email("member_sat");

        // The form shows what the account has now, the organisation by its name.
        let r = t.http.get(t.url(&format!("/admin/users/access?email={member}"))).header("cookie", &admin.0);
        let html = r.send().await.unwrap().text().await.unwrap();
        assert!(html.contains("value=\"Orbital Sat Works\""), "{label}: {html}");

        // A manager without a cluster is refused, naming the field, and nothing changes.
        let (status, html) = post(&t, &admin, "/admin/users/access", &[("email", &member), ("role", "manager")]).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("cluster: a manager needs at least one cluster"), "{label}");
        assert_eq!(role_of(&t, &member).await.0, "member", "{label}");

        // Made manager of ICT: the account's own session gets the new rights on its next page.
        let own = t.session("member_sat").await.unwrap();
        assert_eq!(get(&t, &own.0, "/clusters/ict/edit").await, StatusCode::FORBIDDEN, "{label}");
        let fields = [("email", member.as_str()), ("role", "manager"), ("cluster", ict.as_str())];
        let (status, _) = post(&t, &admin, "/admin/users/access", &fields).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        assert_eq!(role_of(&t, &member).await, ("manager".into(), vec![ict.parse().unwrap()], None), "{label}");
        assert_eq!(get(&t, &own.0, "/clusters/ict/edit").await, StatusCode::OK, "{label}");
        let log = t.app.audit_log(&domain::Actor::system(), 1).await.unwrap();
        assert_eq!((log[0].action.as_str(), log[0].entity_id.as_str()), ("set_access", member.as_str()), "{label}");
        assert!(log[0].detail.contains("role member -> manager"), "{label}: {}", log[0].detail);

        // Back to a member, of another organisation picked by name.
        let fields = [("email", member.as_str()), ("role", "member"), ("organisation", "Soft Systems")];
        assert_eq!(post(&t, &admin, "/admin/users/access", &fields).await.0, StatusCode::SEE_OTHER, "{label}");
        assert_eq!(role_of(&t, &member).await, ("member".into(), vec![], Some(t.soft)), "{label}");
        let fields = [("email", member.as_str()), ("role", "member"), ("organisation", "No Such Organisation")];
        let (status, html) = post(&t, &admin, "/admin/users/access", &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("organisation: no organisation is named"), "{label}");

        // An administrator cannot change their own role; an unknown account is not found.
        let fields = [("email", "admin@example.org"), ("role", "member"), ("organisation", "Soft Systems")];
        let (status, html) = post(&t, &admin, "/admin/users/access", &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("you cannot change your own role"), "{label}");
        assert_eq!(role_of(&t, "admin@example.org").await.0, "admin", "{label}");
        let fields = [("email", "nobody@example.org"), ("role", "participant")];
        assert_eq!(post(&t, &admin, "/admin/users/access", &fields).await.0, StatusCode::NOT_FOUND, "{label}");

        // A manager may not change anyone's access, their own included.
        let manager = t.session("manager_space").await.unwrap();
        let fields = [("email", "manager_space@example.org"), ("role", "admin")];
        assert_eq!(post(&t, &manager, "/admin/users/access", &fields).await.0, StatusCode::FORBIDDEN, "{label}");
        assert_eq!(role_of(&t, "manager_space@example.org").await.0, "manager", "{label}");
        t
    })
    .await;
}

#[tokio::test]
async fn an_invitation_names_the_organisation_by_name() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let fields = [("email", "new.member@example.org"), ("role", "member"), ("organisation", "orbital sat works")];
        assert_eq!(post(&t, &admin, "/admin/users/invite", &fields).await.0, StatusCode::SEE_OTHER, "{label}");
        assert_eq!(role_of(&t, "new.member@example.org").await.2, Some(t.sat), "{label}");
        let fields = [("email", "other@example.org"), ("role", "member"), ("organisation", "Nowhere Ltd")];
        let (status, html) = post(&t, &admin, "/admin/users/invite", &fields).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("organisation: no organisation is named"), "{label}");
        let users = t.app.list_users(&domain::Actor::system()).await.unwrap();
        assert!(users.iter().all(|(u, _)| u.email != "other@example.org"), "{label}: nothing half-done");
        t
    })
    .await;
}

#[tokio::test]
async fn an_admin_cannot_send_mail_to_one_address_without_end() {
    on_every_backend(|t| async move {
        let label = t.label;
        let admin = t.session("admin").await.unwrap();
        let target = email("participant");
        for _ in 0..app::mail_limits::PER_TARGET {
            let (status, _) = post(&t, &admin, "/admin/users/reset", &[("email", &target)]).await;
            assert_eq!(status, StatusCode::SEE_OTHER, "{label}");
        }
        let (status, _) = post(&t, &admin, "/admin/users/reset", &[("email", &target)]).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{label}");
        let mails = t.app.outbox(&domain::Actor::system(), Some(target.as_str()), 10).await.unwrap();
        assert_eq!(mails.len(), app::mail_limits::PER_TARGET as usize, "{label}");
        // Another address is still served; an invitation refused by the limit creates no account.
        let other = [("email", "fresh@example.org"), ("role", "participant")];
        assert_eq!(post(&t, &admin, "/admin/users/invite", &other).await.0, StatusCode::SEE_OTHER, "{label}");
        for _ in 1..app::mail_limits::PER_TARGET {
            post(&t, &admin, "/admin/users/reset", &[("email", "fresh@example.org")]).await;
        }
        let again = [("email", "fresh@example.org"), ("role", "participant")];
        assert_eq!(post(&t, &admin, "/admin/users/invite", &again).await.0, StatusCode::TOO_MANY_REQUESTS, "{label}");
        t
    })
    .await;
}
