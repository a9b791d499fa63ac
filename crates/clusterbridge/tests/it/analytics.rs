//! `clusterbridge analytics …` on the Luxembourg demo: the JSON shapes other tools rely on, the
//! CSV and table forms, and a user's mistake exiting with status 2.

use super::{cb, databases, text};
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn analytics_from_the_command_line() {
    for db in databases().await {
        let url = db.url.clone();
        let app = app::App::open(&url).await.unwrap();
        assert!(app.load_demo().await.unwrap().loaded);
        let json = |args: &[&str]| -> Value {
            let out = cb(&url, args, None);
            let (stdout, stderr) = text(&out);
            assert!(out.status.success(), "{args:?}: {stderr}");
            serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
        };

        let kpis = json(&["analytics", "kpis", "--from", "2012", "--to", "2014", "--format", "json"]);
        let rows = kpis.as_array().unwrap();
        assert!(!rows.is_empty());
        let fields =
            ["business_development", "internationalisation", "flagship_projects", "branding", "prospection_promotion"];
        for r in rows {
            let o = r.as_object().unwrap();
            let keys: Vec<&str> = o.keys().map(String::as_str).collect();
            assert_eq!(keys, ["cluster", "field", "kpi", "value", "year"], "{r}");
            assert!(r["cluster"].is_null() || r["cluster"].is_string());
            assert!(r["year"].is_i64() && r["value"].is_number());
            assert!(fields.contains(&r["field"].as_str().unwrap()), "{r}");
        }
        assert!(rows.iter().any(|r| r["cluster"].is_null() && r["kpi"] == "members" && r["year"] == 2013));

        let matrix = json(&["analytics", "matrix", "--from", "2013", "--to", "2013", "--format", "json"]);
        let clusters = matrix["clusters"].as_array().unwrap();
        let cells = matrix["cells"].as_array().unwrap();
        let n = clusters.len();
        assert_eq!(cells.len(), n * (n - 1) / 2 * 2, "2013 and the total");
        for c in cells {
            for key in ["a", "b", "year", "joint_projects", "held_meetings", "shared_members"] {
                assert!(c.get(key).is_some(), "{key} in {c}");
            }
            assert!(clusters.contains(&c["a"]) && clusters.contains(&c["b"]));
            assert!(c["year"] == 2013 || c["year"].is_null());
            assert!(c["joint_projects"].is_u64() && c["held_meetings"].is_u64() && c["shared_members"].is_u64());
        }
        assert!(cells.iter().any(|c| c["held_meetings"].as_u64().unwrap() > 0), "the 2013 forum");

        let bridges = json(&["analytics", "bridges", "--format", "json"]);
        let list = bridges.as_array().unwrap();
        assert!(list.len() > 10);
        let values: Vec<f64> = list.iter().map(|b| b["betweenness"].as_f64().unwrap()).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "descending betweenness");
        for b in list {
            assert!(b["organisation"].is_i64() && b["name"].is_string() && b["role"].is_string());
            assert!(b["external_id"].is_null() || b["external_id"].is_string());
        }
        // The id is ours: the organisation's page path.
        let id = list[0]["organisation"].as_i64().unwrap();
        let org = app.organisation(domain::OrganisationId::new(id)).await.unwrap();
        assert_eq!(org.display_name(), list[0]["name"].as_str().unwrap());

        let csv = cb(&url, &["analytics", "kpis", "--from", "2013", "--to", "2013", "--format", "csv"], None);
        let (stdout, _) = text(&csv);
        let mut lines = stdout.lines();
        assert_eq!(lines.next(), Some("cluster,year,field,kpi,value"));
        assert!(lines.any(|l| l.starts_with(",2013,business_development,members,")), "{stdout}");
        let table = cb(&url, &["analytics", "matrix", "--from", "2013", "--to", "2013"], None);
        let (stdout, _) = text(&table);
        assert!(stdout.starts_with("a  ") && stdout.contains("initiative") && stdout.contains("outside"), "{stdout}");
        for what in ["isolated", "communities", "funnel"] {
            let out = cb(&url, &["analytics", what, "--format", "json"], None);
            assert!(out.status.success(), "{what}: {}", text(&out).1);
            let _: Value = serde_json::from_slice(&out.stdout).unwrap();
        }
        let funnel = json(&["analytics", "funnel", "--format", "json"]);
        let forum = funnel.as_array().unwrap().iter().find(|r| r["event"] == "cluster-forum-2013").unwrap();
        assert!(forum["held"].as_u64().unwrap() > 0);

        let bad = cb(&url, &["analytics", "kpis", "--cluster", "no-such-cluster"], None);
        assert_eq!(bad.status.code(), Some(2), "{}", text(&bad).1);
        assert!(text(&bad).1.contains("no-such-cluster"));
        let backwards = cb(&url, &["analytics", "matrix", "--from", "2015", "--to", "2010"], None);
        assert_eq!(backwards.status.code(), Some(2));
        assert!(text(&backwards).1.contains("from"), "{}", text(&backwards).1);
        db.cleanup().await.unwrap();
    }
}
