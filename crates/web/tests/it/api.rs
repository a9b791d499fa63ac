//! The JSON API: list shape, paging, validation errors that name the field, body limits, and an
//! OpenAPI document that matches the router.

use crate::support::on_every_backend;
use reqwest::Method;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_page_and_filter() {
    on_every_backend(|t| async move {
        let v: Value =
            t.http.get(t.url("/api/v1/organisations?per_page=1&page=2")).send().await.unwrap().json().await.unwrap();
        assert_eq!(
            (v["total"].as_i64(), v["page"].as_i64(), v["per_page"].as_i64()),
            (Some(2), Some(2), Some(1)),
            "{}",
            t.label
        );
        assert_eq!(v["items"].as_array().unwrap().len(), 1);
        let v: Value = t
            .http
            .get(t.url("/api/v1/organisations?q=orbit&cluster=space&country=lu&kind=company"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(v["total"], 1);
        assert_eq!(v["items"][0]["clusters"][0], "space");
        assert_eq!(v["per_page"], 20);
        let v: Value = t.http.get(t.url("/api/v1/clusters")).send().await.unwrap().json().await.unwrap();
        assert_eq!(
            v["items"].as_array().unwrap().iter().map(|c| c["slug"].as_str().unwrap()).collect::<Vec<_>>(),
            ["ict", "space"]
        );
        assert_eq!(v["items"][1]["members"], 1);
        let v: Value = t.http.get(t.url("/api/v1/projects")).send().await.unwrap().json().await.unwrap();
        assert_eq!((v["total"].as_i64(), v["page"].as_i64()), (Some(0), Some(1)));
        t
    })
    .await;
}

async fn error_fields(resp: reqwest::Response) -> (u16, Vec<String>) {
    let status = resp.status().as_u16();
    let v: Value = resp.json().await.unwrap();
    let fields = v["error"]["fields"]
        .as_array()
        .map(|a| a.iter().map(|f| f["field"].as_str().unwrap_or("").to_string()).collect())
        .unwrap_or_default();
    (status, fields)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_errors_name_the_field() {
    on_every_backend(|t| async move {
        let get = |path: &str| t.http.get(t.url(path)).send();
        assert_eq!(error_fields(get("/api/v1/organisations?per_page=500").await.unwrap()).await, (422, vec!["per_page".into()]));
        assert_eq!(error_fields(get("/api/v1/organisations?page=0").await.unwrap()).await, (422, vec!["page".into()]));
        assert_eq!(error_fields(get("/api/v1/organisations?colour=red").await.unwrap()).await, (422, vec!["colour".into()]));
        assert_eq!(error_fields(get("/api/v1/organisations?country=ZZ&kind=x").await.unwrap()).await, (422, vec!["kind".into(), "country".into()]));
        assert_eq!(error_fields(get("/api/v1/organisations?cluster=nowhere").await.unwrap()).await, (422, vec!["cluster".into()]));
        assert_eq!(get("/api/v1/organisations/999999").await.unwrap().status(), 404);
        assert_eq!(get("/api/v1/organisations/abc").await.unwrap().status(), 404);

        let post = |body: &'static str| {
            t.api(Method::POST, "/organisations", "admin").header("content-type", "application/json").body(body).send()
        };
        assert_eq!(
            error_fields(post(r#"{"name": "", "kind": "startup", "country": "XY", "website": "acme"}"#).await.unwrap()).await,
            (422, vec!["name".into(), "kind".into(), "country".into(), "website".into()]),
            "{}",
            t.label
        );
        assert_eq!(error_fields(post(r#"{"name": "A", "kind": "company", "country": "LU", "nmae": "x"}"#).await.unwrap()).await, (422, vec!["nmae".into()]));
        assert_eq!(error_fields(post(r#"{"name": {"x": 1}, "kind": "company", "country": "LU"}"#).await.unwrap()).await, (422, vec!["name".into()]));
        assert_eq!(error_fields(post("not json").await.unwrap()).await, (422, vec!["body".into()]));
        assert_eq!(error_fields(post("[1, 2]").await.unwrap()).await, (422, vec!["body".into()]));
        let created = post(r#"{"name": "Acme", "kind": "company", "country": "uk", "sme": true, "tags": ["Composites", "3D printing"]}"#).await.unwrap();
        assert_eq!(created.status(), 201);
        let v: Value = created.json().await.unwrap();
        assert_eq!((v["country"].as_str(), v["sme"].as_bool()), (Some("GB"), Some(true)));
        assert_eq!(v["tags"], serde_json::json!(["composites", "3d printing"]));

        // A body over the limit is refused before it is read.
        let big = format!(r#"{{"name": "{}", "kind": "company", "country": "LU"}}"#, "x".repeat(web::BODY_LIMIT + 10));
        let resp = t.api(Method::POST, "/organisations", "admin").header("content-type", "application/json").body(big).send().await.unwrap();
        assert_eq!(resp.status(), 413, "{}", t.label);

        // An unknown token is an error, not a silent downgrade to anonymous.
        let resp = t.http.get(t.url("/api/v1/me")).bearer_auth("nope").send().await.unwrap();
        assert_eq!(resp.status(), 401);
        let me: Value = t.api(Method::GET, "/me", "manager_space").send().await.unwrap().json().await.unwrap();
        assert_eq!((me["role"].as_str(), me["managed_clusters"][0].as_i64()), (Some("manager"), Some(t.space)));
        t
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_document_matches_the_router() {
    on_every_backend(|t| async move {
        let doc: Value = t.http.get(t.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
        assert_eq!(doc["openapi"], "3.1.0");
        let paths = doc["paths"].as_object().unwrap();
        let mut operations = 0;
        for (path, ops) in paths {
            for (method, _) in ops.as_object().unwrap() {
                operations += 1;
                // Every documented operation is routed: anything but 404-for-unknown-route or 405.
                let concrete = path.replace("{id}", "1").replace("{organisation_id}", "1");
                let m = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                let resp = t
                    .http
                    .request(m, t.url(&concrete))
                    .header("content-type", "application/json")
                    .body("{}")
                    .send()
                    .await
                    .unwrap();
                assert_ne!(resp.status(), 405, "{method} {path} is documented but not routed");
                if resp.status() == 404 {
                    let v: Value = resp.json().await.unwrap();
                    assert!(
                        !v["error"]["message"].as_str().unwrap_or("").starts_with("page "),
                        "{method} {path} is documented but not routed"
                    );
                }
            }
        }
        assert!(operations >= 25, "{operations}");
        // The readable API page is served by the app itself.
        let page = t.http.get(t.url("/api")).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("/api/v1/organisations") && page.contains("openapi.json"));
        t
    })
    .await;
}

/// Finding 12 of issue 13: an event with a 100,000-character name and a 500,000-character
/// description was accepted, and a 28-line programme created 2,800 slots. Each is now a 422
/// naming the field, and the OpenAPI document publishes the same limits (`domain::limits`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organiser_input_is_bounded_and_the_limits_are_published() {
    on_every_backend(|t| async move {
        let post = |body: Value| {
            t.api(Method::POST, "/events", "manager_space")
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
        };
        let event = |name: String, description: String, programme: Vec<String>| {
            serde_json::json!({"slug": "big", "name": name, "description": description, "starts_on": "2027-05-01",
                "clusters": ["space"], "programme": programme})
        };
        let one_block = vec!["am 10:00 20 3".to_string()];
        let huge = event("x".repeat(100_000), "y".repeat(500_000), one_block.clone());
        assert_eq!(
            error_fields(post(huge).await.unwrap()).await,
            (422, vec!["name".into(), "description".into()]),
            "{}",
            t.label
        );
        let lines: Vec<String> = (0..28).map(|d| format!("2027-05-{:02} s{d} 08:00 5 100", d + 1)).collect();
        let resp = post(event("Big".into(), String::new(), lines)).await.unwrap();
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v["error"]["fields"][0]["field"], "programme");
        assert_eq!(v["error"]["fields"][0]["message"], "has 28 lines; at most 20 blocks (lines) are allowed");
        let lines: Vec<String> = (0..20).map(|d| format!("2027-05-{:02} s{d} 08:00 5 100", d + 1)).collect();
        assert_eq!(
            error_fields(post(event("Big".into(), String::new(), lines)).await.unwrap()).await,
            (422, vec!["programme".into()])
        );
        assert!(t.app.events().await.unwrap().is_empty(), "nothing was created");
        // At the limits, the event is created.
        let ok = event("n".repeat(domain::limits::NAME), "d".repeat(domain::limits::DESCRIPTION), one_block);
        assert_eq!(post(ok).await.unwrap().status(), 201, "{}", t.label);
        // Other organiser and member texts: a participant's name, a request's message, a search.
        let long = "z".repeat(domain::limits::NAME + 1);
        let r = t
            .api(Method::POST, "/events/big/participants", "manager_space")
            .json(&serde_json::json!({"name": long}))
            .send();
        assert_eq!(error_fields(r.await.unwrap()).await, (422, vec!["name".into()]));
        let q = "q".repeat(domain::limits::QUERY + 1);
        assert_eq!(
            error_fields(t.api(Method::GET, &format!("/organisations?q={q}"), "admin").send().await.unwrap()).await,
            (422, vec!["q".into()])
        );

        let doc: Value = t.http.get(t.url("/api/v1/openapi.json")).send().await.unwrap().json().await.unwrap();
        let body = &doc["paths"]["/api/v1/events"]["post"]["requestBody"]["content"]["application/json"]["schema"]
            ["properties"];
        assert_eq!(
            (body["name"]["maxLength"].as_u64(), body["description"]["maxLength"].as_u64()),
            (Some(200), Some(20_000))
        );
        assert_eq!(body["programme"]["oneOf"][0]["maxItems"].as_u64(), Some(20));
        let q = |path: &str| {
            doc["paths"][path]["get"]["parameters"].as_array().unwrap().iter().find(|p| p["name"] == "q").unwrap()
                ["schema"]["maxLength"]
                .as_u64()
        };
        assert_eq!((q("/api/v1/organisations"), q("/api/v1/partners")), (Some(500), Some(20_000)));
        t
    })
    .await;
}
