//! The audit log in the browser: filters by who, action, kind and days, paging by line, links to
//! what a line names, and the CSV export with the same filters.

use crate::support::{on_every_backend, TestApp};
use reqwest::StatusCode;

async fn get(t: &TestApp, cookie: &str, path: &str) -> (StatusCode, String) {
    let r = t.http.get(t.url(path)).header("cookie", cookie).send().await.unwrap();
    (r.status(), r.text().await.unwrap())
}

/// The data rows of a CSV export, each as its fields.
fn rows(csv: &str) -> Vec<Vec<String>> {
    let mut r = ::csv::Reader::from_reader(csv.as_bytes());
    r.records().map(|rec| rec.unwrap().iter().map(str::to_string).collect()).collect()
}

#[tokio::test]
async fn the_audit_log_filters_pages_links_and_exports_what_it_shows() {
    on_every_backend(|t| async move {
        let label = t.label;
        let (admin, _) = t.session("admin").await.unwrap();

        // Every line links to the page of what it names where there is one.
        let (status, html) = get(&t, &admin, "/admin/audit").await;
        assert_eq!(status, 200, "{label}");
        assert!(html.contains("href=\"/clusters/space\""), "{label}: a cluster line links by slug");
        assert!(html.contains(&format!("href=\"/organisations/{}\"", t.sat)), "{label}");
        assert!(html.contains("Europe/Luxembourg"), "{label}: the page says which time zone it shows");

        // One kind only, in the page and in the export; the export keeps UTC and local times.
        let (status, csv) = get(&t, &admin, "/admin/audit.csv?entity=organisation").await;
        assert_eq!(status, 200, "{label}");
        let header = csv.lines().next().unwrap();
        assert_eq!(header, "id,at_utc,at_local,actor,action,entity,entity_id,detail", "{label}");
        let orgs = rows(&csv);
        assert!(orgs.len() >= 2, "{label}: both seeded organisations: {csv}");
        assert!(orgs.iter().all(|r| r[5] == "organisation"), "{label}: {csv}");
        // The seed's clock stands in winter: Luxembourg is an hour ahead of UTC.
        let first = &orgs[0];
        assert!(first[1].ends_with('Z') && first[2].len() == 16, "{label}: {first:?}");
        assert_ne!(&first[1][..16], first[2].as_str(), "{label}: local time differs from UTC: {first:?}");

        // Who: part of an address, any case.
        let n = rows(&get(&t, &admin, "/admin/audit.csv").await.1).len();
        t.http
            .post(t.url("/admin/outbox/test"))
            .header("cookie", &admin)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(serde_urlencoded::to_string([("csrf", t.session("admin").await.unwrap().1.as_str())]).unwrap())
            .send()
            .await
            .unwrap();
        let by_admin = rows(&get(&t, &admin, "/admin/audit.csv?who=ADMIN%40EXAMPLE").await.1);
        assert!(by_admin.iter().all(|r| r[3] == "admin@example.org"), "{label}: {by_admin:?}");
        assert!(rows(&get(&t, &admin, "/admin/audit.csv").await.1).len() >= n, "{label}");

        // Days: none in the far future; a bad day or a range backwards names its field.
        let (status, html) = get(&t, &admin, "/admin/audit?from=2099-01-01").await;
        assert_eq!(status, 200, "{label}");
        assert!(html.contains("No line of the log matches"), "{label}");
        let (status, html) = get(&t, &admin, "/admin/audit?from=yesterday").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("from"), "{label}: {html}");
        let (status, html) = get(&t, &admin, "/admin/audit.csv?from=2026-05-02&to=2026-05-01").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{label}");
        assert!(html.contains("to"), "{label}");

        // Paging: 100 lines a page, then an "older" link that continues where the page ended.
        for i in 0..101 {
            t.fresh_space_org(&format!("Paging Org {i}")).await;
        }
        let (_, page1) = get(&t, &admin, "/admin/audit?entity=organisation").await;
        assert_eq!(page1.matches("<time datetime").count(), 100, "{label}");
        let older = page1.split("href=\"/admin/audit?").nth(1).and_then(|s| s.split('"').next());
        let older = older.expect("an older-lines link").replace("&#38;", "&").replace("&amp;", "&");
        assert!(older.contains("entity=organisation") && older.contains("before="), "{label}: {older}");
        let (_, page2) = get(&t, &admin, &format!("/admin/audit?{older}")).await;
        let all = rows(&get(&t, &admin, "/admin/audit.csv?entity=organisation").await.1);
        assert_eq!(page2.matches("<time datetime").count(), all.len() - 100, "{label}: the rest, once each");

        // Not for members.
        let (member, _) = t.session("member_sat").await.unwrap();
        assert_eq!(get(&t, &member, "/admin/audit.csv").await.0, StatusCode::FORBIDDEN, "{label}");
        t
    })
    .await;
}
