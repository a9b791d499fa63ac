//! `clusterbridge analytics report`: the forum report as one self-contained HTML file.

use super::{cb, text};
use store::testdb::TestDb;

/// `clusterbridge analytics report --event SLUG --out FILE.html`: one self-contained HTML file
/// (stylesheets inline, charts as inline SVG, nothing fetched), the full report of the 2013 forum.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_forum_report_is_one_self_contained_file() {
    let db = TestDb::sqlite().await.unwrap();
    let url = db.url.clone();
    let app = app::App::open(&url).await.unwrap();
    assert!(app.load_demo().await.unwrap().loaded);
    let dir = tempfile_dir("report");
    let file = dir.join("forum-2013.html");
    let out =
        cb(&url, &["analytics", "report", "--event", "cluster-forum-2013", "--out", file.to_str().unwrap()], None);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("forum-2013.html"), "{stdout}");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("Luxembourg Cluster Forum 2013"));
    assert!(html.contains("<style>") && html.contains(".report-kpis") && html.contains("@media print"), "CSS inline");
    assert!(html.contains("<svg") && html.contains("<rect"), "charts inline");
    for external in ["<link", "<script", "src=", "url(", "@import", "http://", "https://", "href=\"/"] {
        assert!(!html.contains(external), "the file needs nothing else: {external}");
    }
    for section in ["Who came", "One-to-one meetings", "Themed round tables", "What followed", "Follow-ups recorded"] {
        assert!(html.contains(section), "{section}");
    }
    let fr = dir.join("bilan.html");
    let out = cb(
        &url,
        &["analytics", "report", "--event", "cluster-forum-2013", "--out", fr.to_str().unwrap(), "--lang", "fr"],
        None,
    );
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&fr).unwrap().contains("Bilan du forum"));
    // A user's mistake: an unknown event is an error, and no file.
    let none = dir.join("none.html");
    let out = cb(&url, &["analytics", "report", "--event", "no-such-forum", "--out", none.to_str().unwrap()], None);
    assert!(!out.status.success() && !none.exists());
    std::fs::remove_dir_all(&dir).unwrap();
    db.cleanup().await.unwrap();
}

fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("cb-cli-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}
