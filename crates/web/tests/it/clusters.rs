//! Splitting a cluster, through the API and through the page's form: only admins may, the
//! chosen members move to the new cluster, and mistakes are named by field.

use crate::support::{on_every_backend, TestApp};
use reqwest::Method;
use serde_json::{json, Value};

async fn split(t: &TestApp, role: &str, body: Value) -> (u16, Value) {
    let resp = t
        .api(Method::POST, "/clusters/space/split", role)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

fn fields(v: &Value) -> Vec<&str> {
    v["error"]["fields"]
        .as_array()
        .map(|a| a.iter().map(|f| f["field"].as_str().unwrap()).collect())
        .unwrap_or_default()
}

async fn cluster(t: &TestApp, slug: &str) -> Value {
    t.api(Method::GET, &format!("/clusters/{slug}"), "anonymous").send().await.unwrap().json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_splits_a_cluster_for_admins() {
    on_every_backend(|t| async move {
        let stays = t.fresh_space_org("Stays Behind").await;
        let body = json!({"slug": "space-data", "name": "Space Data", "sector": "Earth observation",
                          "description": "Data from orbit.", "organisations": [t.sat]});
        assert_eq!(split(&t, "anonymous", body.clone()).await.0, 401);
        assert_eq!(split(&t, "manager_space", body.clone()).await.0, 403, "{}", t.label);

        // Mistakes are named by field, and nothing moves.
        let (status, v) = split(&t, "admin", json!({"slug": "x y", "name": "", "organisations": [t.sat]})).await;
        assert_eq!(status, 422);
        assert!(fields(&v).contains(&"slug") && fields(&v).contains(&"name"), "{v}");
        let (status, v) = split(&t, "admin", json!({"slug": "a", "name": "A", "organisations": ["twelve"]})).await;
        assert_eq!((status, fields(&v)), (422, vec!["organisations"]));
        let (status, v) =
            split(&t, "admin", json!({"slug": "a", "name": "A", "sector": "S", "organisations": [t.soft]})).await;
        assert_eq!((status, fields(&v)), (422, vec!["organisations"]), "not a member of Space");
        let (status, v) = split(&t, "admin", json!({"slug": "a", "name": "A", "colour": "red"})).await;
        assert_eq!((status, fields(&v)), (422, vec!["colour"]));
        let resp = t
            .api(Method::POST, "/clusters/nowhere/split", "admin")
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 404);
        assert_eq!(cluster(&t, "space").await["member_ids"].as_array().unwrap().len(), 2);

        let (status, v) = split(&t, "admin", body).await;
        assert_eq!(status, 201, "{v} on {}", t.label);
        assert_eq!((v["slug"].as_str(), v["name"].as_str()), (Some("space-data"), Some("Space Data")));
        let new = cluster(&t, "space-data").await;
        assert_eq!(new["member_ids"], json!([t.sat]));
        assert_eq!(new["history"][0]["event"], "split_from");
        assert_eq!(new["history"][0]["related_cluster_id"], json!(t.space));
        let old = cluster(&t, "space").await;
        assert_eq!(old["member_ids"], json!([stays]), "{}", t.label);
        assert!(old["history"].as_array().unwrap().iter().any(|h| h["event"] == "split"), "{old}");

        // The slug is taken now.
        let again = json!({"slug": "space-data", "name": "Again", "sector": "S", "organisations": []});
        let (status, v) = split(&t, "admin", again).await;
        assert_eq!((status, fields(&v)), (422, vec!["slug"]));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_split_page_moves_the_ticked_members() {
    on_every_backend(|t| async move {
        let stays = t.fresh_space_org("Stays Behind").await;
        let page = t.url("/clusters/space/split");
        let (manager, _) = t.session("manager_space").await.unwrap();
        assert_eq!(t.http.get(&page).header("cookie", &manager).send().await.unwrap().status(), 403);
        assert_eq!(t.http.get(&page).send().await.unwrap().status(), 401);
        let (cookie, csrf) = t.session("admin").await.unwrap();
        let resp = t.http.get(&page).header("cookie", &cookie).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        let html = resp.text().await.unwrap();
        assert!(html.contains("Orbital Sat Works") && html.contains(&format!(r#"value="{}""#, t.sat)), "{html}");
        let space = t.http.get(t.url("/clusters/space")).header("cookie", &cookie).send().await.unwrap();
        assert!(space.text().await.unwrap().contains(r#"href="/clusters/space/split""#), "admins see the way in");

        let post = |pairs: Vec<(&'static str, String)>| {
            t.http
                .post(&page)
                .header("cookie", &cookie)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(serde_urlencoded::to_string(pairs).unwrap())
                .send()
        };
        let sat = t.sat.to_string();
        // A forged form is refused before anything is read.
        let r = post(vec![("csrf", "forged".into()), ("slug", "sd".into()), ("name", "SD".into())]).await.unwrap();
        assert_eq!(r.status(), 400);
        // A mistake comes back beside its field, with the ticked member still ticked.
        let r = post(vec![
            ("csrf", csrf.clone()),
            ("slug", "space-data".into()),
            ("name", "".into()),
            ("organisations", sat.clone()),
        ])
        .await
        .unwrap();
        assert_eq!(r.status(), 422, "{}", t.label);
        let html = r.text().await.unwrap();
        assert!(html.contains(r#"id="e-name""#) && html.contains("is required"), "{html}");
        assert!(html.contains(&format!(r#"value="{sat}" checked"#)), "{html}");
        assert!(html.contains(r#"value="space-data""#), "what was typed is kept");

        let r = post(vec![
            ("csrf", csrf.clone()),
            ("slug", "space-data".into()),
            ("name", "Space Data".into()),
            ("sector", "Earth observation".into()),
            ("description", "Data from orbit.".into()),
            ("organisations", sat.clone()),
        ])
        .await
        .unwrap();
        assert_eq!(r.status(), 303, "{}", t.label);
        assert_eq!(r.headers()["location"], "/clusters/space-data");
        assert_eq!(cluster(&t, "space-data").await["member_ids"], json!([t.sat]));
        assert_eq!(cluster(&t, "space").await["member_ids"], json!([stays]));
        t
    })
    .await;
}
