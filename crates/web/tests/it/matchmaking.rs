//! Matchmaking through the API: find partners with reasons, recommendations biased towards other
//! clusters, cluster fit, and bad input answered with a clear 4xx.

use crate::support::{on_every_backend, TestApp};
use domain::{Actor, OrganisationInput, ProjectInput};
use reqwest::Method;
use serde_json::Value;

async fn seed(t: &TestApp) -> (i64, i64) {
    let sys = Actor::system();
    let org = |name: &str, country: &str| OrganisationInput {
        name: name.into(),
        kind: "research".into(),
        country: country.into(),
        ..Default::default()
    };
    let lab = t.app.create_org(&sys, &org("Marine Robotics Lab", "PT")).await.unwrap();
    let uni = t.app.create_org(&sys, &org("Ocean University", "NO")).await.unwrap();
    for (title, partners) in [
        ("Underwater drones for offshore wind inspection", vec![lab, uni]),
        ("Satellite monitoring of offshore wind farms", vec![domain::OrganisationId::new(t.sat), uni]),
        ("Autonomous underwater vehicles", vec![lab]),
    ] {
        let p = t
            .app
            .create_project(
                &sys,
                &ProjectInput {
                    title: title.into(),
                    kind: "common".into(),
                    start_date: Some("2021-01-01".into()),
                    ..Default::default()
                },
                &["space".into()],
            )
            .await
            .unwrap();
        for o in partners {
            t.app.set_partner(&sys, p, o, "participant").await.unwrap();
        }
    }
    t.app.add_membership(&sys, lab, "ict", None, None).await.unwrap();
    (lab.get(), uni.get())
}

async fn get(t: &TestApp, path: &str) -> (u16, Value) {
    let resp = t.api(Method::GET, path, "anonymous").send().await.unwrap();
    let status = resp.status().as_u16();
    (status, resp.json().await.unwrap_or(Value::Null))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn find_partners_ranks_with_reasons() {
    on_every_backend(|t| async move {
        let (lab, uni) = seed(&t).await;
        let (status, v) = get(&t, "/partners?q=underwater+inspection+of+offshore+wind").await;
        assert_eq!(status, 200, "{v}");
        let items = v["items"].as_array().unwrap();
        // The lab and the university share the one project on underwater inspection of
        // offshore wind, and each backs the other: both lead, ahead of the satellite firm.
        let first_two: Vec<&Value> = items.iter().take(2).map(|i| &i["id"]).collect();
        assert!(first_two.contains(&&Value::from(lab)), "{} on {}", v, t.label);
        assert_ne!(items[0]["id"], t.sat, "{v}");
        let lab_hit = items.iter().find(|i| i["id"] == lab).unwrap();
        let reasons: Vec<&str> = lab_hit["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert!(reasons.iter().any(|r| r.starts_with("Its work mentions") && r.contains("underwater")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("projects on record")), "{reasons:?}");

        // A country the text names lifts its organisations, and the reason says so.
        let (_, v) = get(&t, "/partners?q=underwater+inspection+of+offshore+wind+in+Norway").await;
        let first = &v["items"][0];
        assert_eq!(first["id"], uni, "{v}");
        let reasons: Vec<&str> = first["reasons"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert!(reasons.contains(&"Based in Norway, named in your text (“norway”)"), "{reasons:?}");

        // Filters narrow the ranking; the asking organisation is left out and other clusters get a bonus.
        let (_, v) = get(&t, "/partners?q=offshore+wind&country=NO").await;
        assert!(v["items"].as_array().unwrap().iter().all(|i| i["country"] == "NO"), "{v}");
        let (_, v) = get(&t, &format!("/partners?q=offshore+wind+satellite&from={}", t.sat)).await;
        let items = v["items"].as_array().unwrap();
        assert!(items.iter().all(|i| i["id"] != t.sat));
        let bridge = items.iter().find(|i| i["id"] == lab).unwrap();
        assert_eq!(bridge["other_cluster"], true, "{bridge}");
        assert!(bridge["reasons"].as_array().unwrap().iter().any(|r| r.as_str().unwrap().contains("a bridge")));
        let (_, v) = get(&t, "/partners?q=underwater&cluster=ict").await;
        assert_eq!(v["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect::<Vec<_>>(), [lab]);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recommendations_and_cluster_fit() {
    on_every_backend(|t| async move {
        let (lab, uni) = seed(&t).await;
        let (status, v) = get(&t, &format!("/organisations/{}/recommendations", t.sat)).await;
        assert_eq!(status, 200, "{v}");
        let ids: Vec<i64> = v["items"].as_array().unwrap().iter().map(|i| i["id"].as_i64().unwrap()).collect();
        assert!(!ids.contains(&t.sat), "not itself");
        assert!(!ids.contains(&uni), "not an existing partner: {ids:?}");
        assert!(ids.contains(&lab), "{ids:?} on {}", t.label);
        assert!(v["other_cluster_share"].as_f64().unwrap() > 0.0);

        let (status, v) = get(&t, &format!("/organisations/{lab}/cluster-fit")).await;
        assert_eq!(status, 200);
        assert!(v["items"].is_array(), "{v}");
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_matchmaking_input_gets_a_clear_4xx() {
    on_every_backend(|t| async move {
        let (status, v) = get(&t, "/partners?q=").await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("q")));
        let (status, v) = get(&t, "/partners").await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("q")));
        let (status, v) = get(&t, "/partners?q=wind&colour=red").await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("colour")));
        let (status, v) = get(&t, "/partners?q=wind&kind=startup&limit=0").await;
        assert_eq!(status, 422);
        let fields: Vec<&str> =
            v["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
        assert_eq!(fields, ["kind", "limit"]);
        let (status, _) = get(&t, "/partners?q=wind&from=999999").await;
        assert_eq!(status, 404);
        let (status, _) = get(&t, "/organisations/999999/recommendations").await;
        assert_eq!(status, 404);
        // Not UTF-8: refused before the app sees it.
        let status = t.http.get(t.url("/api/v1/partners?q=%FF%FE")).send().await.unwrap().status().as_u16();
        assert!((400..500).contains(&status), "{status}");
        // 30,000 characters: longer than any call text we accept.
        let long = "wind ".repeat(6_000);
        let (status, v) = get(&t, &format!("/partners?q={}", long.replace(' ', "+"))).await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("q")), "{}", t.label);
        // A megabyte in the address: the server refuses it, and stays up.
        let huge = "x".repeat(1 << 20);
        let status = t.http.get(t.url(&format!("/api/v1/partners?q={huge}"))).send().await.map(|r| r.status().as_u16());
        assert!(status.as_ref().map_or(true, |s| (400..500).contains(s)), "{status:?}");
        assert_eq!(get(&t, "/partners?q=wind").await.0, 200);
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn themes_and_consortium_builder() {
    on_every_backend(|t| async move {
        let (lab, uni) = seed(&t).await;
        let (status, v) = get(&t, "/themes").await;
        assert_eq!(status, 200, "{v}");
        let offshore = v["items"].as_array().unwrap().iter().find(|th| th["term"] == "offshore").cloned();
        let offshore = offshore.unwrap_or_else(|| panic!("offshore is shared by Space and ICT members: {v}"));
        let clusters: Vec<&str> =
            offshore["clusters"].as_array().unwrap().iter().map(|c| c["cluster"].as_str().unwrap()).collect();
        assert_eq!(clusters.len(), 2, "{clusters:?} on {}", t.label);

        let (status, v) =
            get(&t, "/consortium?q=offshore+wind+inspection&roles=research=1,university=1&min_countries=2").await;
        assert_eq!(status, 200, "{v}");
        let ids: Vec<i64> = v["members"].as_array().unwrap().iter().map(|m| m["id"].as_i64().unwrap()).collect();
        assert!(ids.contains(&lab) || ids.contains(&uni), "{v}");
        assert!(
            v["missing"].as_array().unwrap().iter().any(|m| m == "1 more university"),
            "nobody is a university: {v}"
        );
        // A swap: excluding a member proposes someone else.
        let (_, again) =
            get(&t, &format!("/consortium?q=offshore+wind+inspection&roles=research=1&exclude={}", ids[0])).await;
        assert!(again["members"].as_array().unwrap().iter().all(|m| m["id"] != ids[0]), "{again}");

        let (status, v) = get(&t, "/consortium?q=wind&roles=wizard=2").await;
        assert_eq!((status, v["error"]["fields"][0]["field"].as_str()), (422, Some("roles")));
        let (status, v) = get(&t, "/consortium?q=&roles=sme=1&min_countries=x").await;
        let fields: Vec<&str> =
            v["error"]["fields"].as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap()).collect();
        assert_eq!((status, fields), (422, vec!["q", "min_countries"]));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_searches_alert_on_new_and_changed_matches() {
    on_every_backend(|t| async move {
        let (lab, _) = seed(&t).await;
        let post = |path: &str, body: &str| {
            t.api(Method::POST, path, "member_sat")
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
        };
        let resp =
            post("/saved-searches", r#"{"name": "Offshore partners", "q": "offshore wind inspection"}"#).await.unwrap();
        assert_eq!(resp.status(), 201);
        let id = resp.json::<Value>().await.unwrap()["id"].as_i64().unwrap();
        let fresh = |v: &Value| -> Vec<i64> {
            v["items"][0]["new_or_changed"].as_array().unwrap().iter().map(|o| o["id"].as_i64().unwrap()).collect()
        };
        let list = || t.api(Method::GET, "/saved-searches", "member_sat").send();
        let v: Value = list().await.unwrap().json().await.unwrap();
        assert!(fresh(&v).is_empty(), "what matched when saved counts as seen: {v}");

        // A new organisation that matches, and a change to one that matched.
        let sys = Actor::system();
        let new = t
            .app
            .create_org(
                &sys,
                &OrganisationInput {
                    name: "Wind Inspectors".into(),
                    kind: "company".into(),
                    country: "DK".into(),
                    offers: Some("offshore wind inspection by drones".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        let v: Value = list().await.unwrap().json().await.unwrap();
        assert!(fresh(&v).contains(&new.get()), "{v} on {}", t.label);
        assert!(!fresh(&v).contains(&lab));
        t.clock.advance(chrono::Duration::hours(1));
        let mut input = app::registry::input_of(&t.app.organisation(domain::OrganisationId::new(lab)).await.unwrap());
        input.offers = Some("Inspection robots".into());
        t.app.update_org(&sys, domain::OrganisationId::new(lab), &input).await.unwrap();
        let v: Value = list().await.unwrap().json().await.unwrap();
        assert!(fresh(&v).contains(&lab), "a changed match alerts too: {v}");

        assert_eq!(post(&format!("/saved-searches/{id}/seen"), "").await.unwrap().status(), 204);
        let v: Value = list().await.unwrap().json().await.unwrap();
        assert!(fresh(&v).is_empty(), "{v}");
        // Saved searches are private: another account neither sees nor deletes them.
        let other: Value =
            t.api(Method::GET, "/saved-searches", "member_soft").send().await.unwrap().json().await.unwrap();
        assert_eq!(other["total"], 0);
        assert_eq!(
            t.api(Method::DELETE, &format!("/saved-searches/{id}"), "member_soft").send().await.unwrap().status(),
            404
        );
        assert_eq!(t.api(Method::GET, "/saved-searches", "anonymous").send().await.unwrap().status(), 401);
        let bad = post("/saved-searches", r#"{"name": "", "q": ""}"#).await.unwrap();
        assert_eq!(bad.status(), 422);
        t
    })
    .await;
}
