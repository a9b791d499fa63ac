//! The command line, run as a user runs it: the real binary, a fresh data folder or database.

mod analytics;
mod report;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use store::testdb::TestDb;

fn cb(db: &str, args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clusterbridge"));
    cmd.arg("--database-url").arg(db).args(args).env_remove("CLUSTERBRIDGE_DATABASE_URL");
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

fn fixture(p: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/tests/fixtures").join(p).display().to_string()
}

/// One database per backend: an SQLite file, and a PostgreSQL database when configured.
async fn databases() -> Vec<TestDb> {
    TestDb::all().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn import_export_and_users_from_the_command_line() {
    for db in databases().await {
        let url = db.url.clone();
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("orgs.csv");
        std::fs::write(&bad, "external_id,name,kind,country\nA1,Acme,company,LU\nA1,Dup,company,ZZ\n").unwrap();
        let out = cb(&url, &["import", "organisations", bad.to_str().unwrap()], None);
        let (_, err) = text(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        let name = bad.display().to_string();
        assert!(err.contains(&format!("{name}:3: external_id: duplicate `A1` (first on line 2)")), "{err}");
        assert!(err.contains(&format!("{name}:3: country: `ZZ` is not an ISO 3166-1 alpha-2 country code")), "{err}");

        let good = dir.path().join("good.csv");
        std::fs::write(&good, "external_id,name,kind,country,city\nA1,Acme Composites,company,LU,Foetz\n").unwrap();
        let (out, _) = text(&cb(&url, &["import", "organisations", "--dry-run", good.to_str().unwrap()], None));
        assert!(out.contains("1 would be created") && out.contains("dry run"), "{out}");
        let (out, _) = text(&cb(&url, &["import", "organisations", good.to_str().unwrap()], None));
        assert!(out.contains("1 were created"), "{out}");
        let (out, _) = text(&cb(&url, &["import", "organisations", good.to_str().unwrap()], None));
        assert!(out.contains("0 were created, 0 were updated, 1 unchanged"), "{out}");

        let (out, err) = text(&cb(&url, &["import", "cordis", &fixture("cordis")], None));
        assert!(out.contains("organisations: 5 read, 5 created"), "{out}{err}");
        let (out, _) = text(&cb(&url, &["import", "cordis", &fixture("cordis")], None));
        assert!(out.contains("5 read, 0 created, 0 updated") && out.contains("0 partners created"), "{out}");

        let (csv, _) = text(&cb(&url, &["export", "organisations", "--format", "csv"], None));
        let header = csv.lines().next().unwrap();
        assert!(header.starts_with("id,external_id,name,display_name,kind,sme,country,city"), "{header}");
        assert!(header.ends_with(",clusters"));
        assert_eq!(csv.lines().count(), 7, "header and six organisations");
        assert!(csv.contains("Unnamed organisation (PIC 100000002)"));
        let (json, _) = text(&cb(&url, &["export", "organisations", "--format", "json"], None));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 6);
        for key in ["id", "external_id", "name", "kind", "country", "city", "clusters"] {
            assert!(v[0].get(key).is_some(), "{key}");
        }

        let out = cb(
            &url,
            &["user", "add", "--email", "Admin@Example.org", "--role", "admin", "--password-stdin"],
            Some("a long password\n"),
        );
        assert!(out.status.success(), "{:?}", text(&out));
        let out = cb(
            &url,
            &[
                "user",
                "add",
                "--email",
                "m@example.org",
                "--role",
                "manager",
                "--cluster",
                "nowhere",
                "--password-stdin",
            ],
            Some("a long password\n"),
        );
        assert_eq!(out.status.code(), Some(2), "a user's mistake exits 2");
        assert!(text(&out).1.contains("cluster: no cluster `nowhere`"));
        let out = cb(
            &url,
            &["user", "add", "--email", "x@example.org", "--role", "admin", "--password-stdin"],
            Some("short\n"),
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(text(&out).1.contains("password: must have at least 10 characters"));
        let (list, _) = text(&cb(&url, &["user", "list"], None));
        assert!(list.contains("admin@example.org\tadmin"), "{list}");
        let (token, _) = text(&cb(&url, &["user", "token", "--email", "admin@example.org"], None));
        assert_eq!(token.trim().len(), 64);
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_restores_into_an_empty_database() {
    for db in databases().await {
        let url = db.url.clone();
        let dir = tempfile::tempdir().unwrap();
        assert!(cb(&url, &["import", "cordis", &fixture("cordis")], None).status.success());
        let file = dir.path().join("backup");
        let (out, err) = text(&cb(&url, &["backup", file.to_str().unwrap()], None));
        assert!(out.contains("wrote"), "{out}{err}");
        let again = cb(&url, &["backup", file.to_str().unwrap()], None);
        assert_eq!(again.status.code(), Some(2), "an existing file is never overwritten");

        let target = if db.label == "sqlite" {
            TestDb::sqlite().await.unwrap()
        } else {
            TestDb::postgres().await.unwrap().unwrap()
        };
        let (out, err) = text(&cb(&target.url, &["restore", file.to_str().unwrap()], None));
        assert!(out.contains("restored"), "{out}{err}");
        let a = text(&cb(&url, &["export", "organisations", "--format", "csv"], None)).0;
        let b = text(&cb(&target.url, &["export", "organisations", "--format", "csv"], None)).0;
        assert_eq!(a, b, "{}", db.label);
        let twice = cb(&target.url, &["restore", file.to_str().unwrap()], None);
        assert_eq!(twice.status.code(), Some(2), "restore refuses a database that is not empty");
        target.cleanup().await.unwrap();
        db.cleanup().await.unwrap();
    }
}

#[test]
fn serve_demo_answers_health_and_pages() {
    let dir = tempfile::tempdir().unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
        .args(["--data-dir", dir.path().to_str().unwrap(), "serve", "--demo", "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("CLUSTERBRIDGE_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // The URL line is printed once the listener is bound.
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    assert_eq!(line.trim(), format!("clusterbridge is ready: open http://127.0.0.1:{port}/"));
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
        let mut body = String::new();
        std::io::Read::read_to_string(&mut s, &mut body).unwrap();
        body
    };
    assert!(get("/health").starts_with("HTTP/1.1 200"));
    let home = get("/");
    assert!(home.contains("Space") && home.contains("Materials &#38; Manufacturing"), "the eight demo clusters");
    let dir_page = get("/organisations?q=luxembourg+institute+science");
    assert!(dir_page.contains("LUXEMBOURG INSTITUTE OF SCIENCE AND TECHNOLOGY"), "real Luxembourg names");
    // The two forums: 2013 completed with its schedule and feedback, the next one open.
    let events = get("/events");
    assert!(events.contains("Luxembourg Cluster Forum 2013") && events.contains("Utopolis"), "{events}");
    let db = format!("sqlite://{}", dir.path().join("clusterbridge.sqlite3").display());
    let (list, _) = text(&cb(&db, &["event", "list"], None));
    assert!(list.contains("cluster-forum-2013\t2013-12-11\tcompleted"), "{list}");
    assert!(list.contains("cluster-forum-next") && list.contains("\topen\t"), "{list}");
    let (plan, err) = text(&cb(&db, &["event", "plan", "cluster-forum-2013"], None));
    assert!(plan.contains("[held]") && plan.contains("[no_show]"), "{plan}{err}");
    assert!(plan.contains("feedback: ") && plan.contains("cooperation possible"), "{plan}");
    let next = get("/events/cluster-forum-next");
    assert!(
        next.contains(r#"<span class="badge">open</span>"#) && next.contains("Meeting slots (9)"),
        "open for requests"
    );
    // The demo accounts work, and the sign-in page shows them, while the server serves the demo.
    let (token, err) = text(&cb(&db, &["user", "token", "--email", "admin@demo.example.org"], None));
    let token = token.trim().to_string();
    assert!(!token.is_empty(), "{err}");
    assert!(get("/login").contains(app::demo::DEMO_PASSWORD));
    assert!(get_as(port, "/api/v1/me", &token).starts_with("HTTP/1.1 200"));
    let _ = child.kill();
    let _ = child.wait();

    // The same data served without --demo: the demo accounts are dead and not shown.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
        .args(["--data-dir", dir.path().to_str().unwrap(), "serve", "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("CLUSTERBRIDGE_DATABASE_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    let login = get_as(port, "/login", "");
    assert!(login.starts_with("HTTP/1.1 200") && !login.contains(app::demo::DEMO_PASSWORD), "{login}");
    assert!(!login.contains("admin@demo.example.org"), "{login}");
    let me = get_as(port, "/api/v1/me", &token);
    assert!(me.starts_with("HTTP/1.1 401"), "a demo account's token is refused: {me}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn serve_names_a_bad_trusted_proxy_and_starts_with_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let serve = |extra: &[&str]| {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bind = format!("127.0.0.1:{port}");
        Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
            .args(["--data-dir", data, "serve", "--bind", &bind])
            .args(extra)
            .env_remove("CLUSTERBRIDGE_DATABASE_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let out = serve(&["--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "10.0.0.0/33"]).wait_with_output().unwrap();
    let (_, err) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--trusted-proxy") && err.contains("`10.0.0.0/33` is not a CIDR range"), "{err}");
    let mut child = serve(&["--trusted-proxy", "10.0.0.0/8", "--trusted-proxy", "2001:db8::1"]);
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    assert!(line.starts_with("clusterbridge is ready"), "{line}");
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn serve_refuses_smtp_credentials_in_clear_and_names_the_mail_flags() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let serve = |extra: &[&str]| {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let bind = format!("127.0.0.1:{port}");
        Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
            .args(["--data-dir", data, "serve", "--bind", &bind])
            .args(extra)
            .env_remove("CLUSTERBRIDGE_DATABASE_URL")
            .env_remove("CLUSTERBRIDGE_SMTP_URL")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    for (args, named) in [
        (&["--smtp-url", "smtp://user:secret@mail.example.org:25"][..], "credentials but no TLS"),
        (&["--smtp-url", "http://mail.example.org"][..], "smtp:// or smtps://"),
        (&["--public-url", "ftp://x"][..], "public-url"),
        (&["--mail-from", "not an address"][..], "mail-from"),
    ] {
        let out = serve(args).wait_with_output().unwrap();
        let (_, err) = text(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(named), "{args:?}: {err}");
    }
    let mut child = serve(&[
        "--smtp-url",
        "smtp://user:secret@127.0.0.1:2525",
        "--public-url",
        "https://bridge.example.org",
        "--mail-from",
        "Cluster Bridge <noreply@example.org>",
    ]);
    let mut line = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stdout.take().unwrap()), &mut line).unwrap();
    assert!(line.starts_with("clusterbridge is ready"), "{line}");
    let _ = child.kill();
    let _ = child.wait();
}

/// `GET path` on the server at `port`, with a bearer token unless `token` is empty.
fn get_as(port: u16, path: &str, token: &str) -> String {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    let auth = if token.is_empty() { String::new() } else { format!("Authorization: Bearer {token}\r\n") };
    write!(s, "GET {path} HTTP/1.1\r\nHost: x\r\n{auth}Connection: close\r\n\r\n").unwrap();
    let mut body = String::new();
    std::io::Read::read_to_string(&mut s, &mut body).unwrap();
    body
}

fn schedule(problem: &str, extra: &[&str]) -> (Option<i32>, String, Option<serde_json::Value>) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.json");
    let s = dir.path().join("s.json");
    std::fs::write(&p, problem).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
        .args(["schedule", "--problem", p.to_str().unwrap(), "--out", s.to_str().unwrap()])
        .args(extra)
        .output()
        .unwrap();
    let solution = std::fs::read(&s).ok().map(|b| serde_json::from_slice(&b).unwrap());
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned(), solution)
}

const FORUM: &str = r#"{
  "slots": [{"id": "s1", "session": "am"}, {"id": "s2", "session": "am"}, {"id": "s3", "session": "pm"}],
  "tables": 2,
  "participants": [{"id": "p1", "available": ["s1", "s2", "s3"]}, {"id": "p2", "available": ["s1", "s2"]},
                   {"id": "p3", "available": ["s2", "s3"]}, {"id": "p4"}],
  "requests": [
    {"id": "r1", "participants": ["p1", "p2"], "priority": 3},
    {"id": "r2", "participants": ["p1", "p3"], "allowed_slots": ["s3"]},
    {"id": "r3", "participants": ["p2", "p3", "p4"], "pinned": {"slot": "s2", "table": 1}},
    {"id": "r4", "participants": ["p1", "p4"]}
  ],
  "objective": {"place_all": false}
}"#;

#[test]
fn schedule_writes_a_solution_with_its_bound() {
    let (code, err, s) = schedule(FORUM, &["--max-iterations", "1000", "--seed", "7"]);
    assert_eq!(code, Some(0), "{err}");
    let s = s.unwrap();
    // r4 (p1, p4) cannot fit beside the pinned three-person r3 and the higher-priority r1: the
    // optimum places 3 meetings of weight 5, and the bound proves it.
    assert_eq!(
        (s["placed"].as_i64(), s["placed_weight"].as_i64(), s["upper_bound"].as_i64()),
        (Some(3), Some(5), Some(5))
    );
    assert_eq!(s["status"], "optimal");
    assert_eq!(s["unplaced"][0]["request"], "r4");
    assert!(s["unplaced"][0]["reason"].as_str().unwrap().contains("p1"), "the reason names who is booked");
    assert!(
        s["meetings"].as_array().unwrap().iter().any(|m| m["request"] == "r3" && m["slot"] == "s2" && m["table"] == 1),
        "pins stay"
    );
    assert!(
        s["meetings"].as_array().unwrap().iter().any(|m| m["request"] == "r2" && m["slot"] == "s3"),
        "allowed slots hold"
    );
    for key in ["unplaced", "worst_shortfall", "breaks", "seconds"] {
        assert!(s.get(key).is_some(), "{key}");
    }
    // Same seed and work limit: the same schedule.
    let (_, _, again) = schedule(FORUM, &["--max-iterations", "1000", "--seed", "7"]);
    assert_eq!(again.unwrap()["meetings"], s["meetings"]);
}

#[test]
fn place_all_reports_breaks_proven_minimal() {
    // p2 can only meet in s1 and p3 only in s4, so p1 has a break whatever the schedule; the
    // three meetings among p4, p5 and p6 need three slots, and whoever has the first and the
    // last of them has a break too. The minimum is two breaks, and the solver proves it.
    let problem = r#"{
      "slots": [{"id": "s1"}, {"id": "s2"}, {"id": "s3"}, {"id": "s4"}],
      "tables": 2,
      "participants": [{"id": "p1"}, {"id": "p2", "available": ["s1"]}, {"id": "p3", "available": ["s4"]},
                       {"id": "p4"}, {"id": "p5"}, {"id": "p6"}],
      "requests": [
        {"id": "a", "participants": ["p1", "p2"]}, {"id": "b", "participants": ["p1", "p3"]},
        {"id": "c", "participants": ["p4", "p5"]}, {"id": "d", "participants": ["p4", "p6"]},
        {"id": "e", "participants": ["p5", "p6"]}
      ],
      "objective": {"place_all": true}
    }"#;
    let (code, err, s) = schedule(problem, &["--max-iterations", "200000", "--seed", "3"]);
    assert_eq!(code, Some(0), "{err}");
    let s = s.unwrap();
    assert_eq!((s["placed"].as_i64(), s["breaks"].as_i64()), (Some(5), Some(2)), "{s}");
    assert_eq!(s["breaks_minimal"], true);
    assert_eq!(s["breaks_lower_bound"], 2);
    assert!(err.contains("breaks 2 (proven minimal)"), "{err}");
    // On one thread: the same minimum; a thread count other than 1 or 2 is refused.
    let (code, err, one) = schedule(problem, &["--max-iterations", "200000", "--seed", "3", "--threads", "1"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(one.unwrap()["breaks"], 2);
    let (code, err, none) = schedule(problem, &["--threads", "3"]);
    assert_eq!((code, none), (Some(2), None), "{err}");
    assert!(err.contains("--threads"), "{err}");
    // When p2 cannot come at all, place_all is impossible and nothing is claimed about breaks.
    let (code, err, s) = schedule(&problem.replace(r#"["s1"]"#, "[]"), &["--max-iterations", "2000"]);
    assert_eq!(code, Some(3), "{err}");
    let s = s.unwrap();
    assert_eq!((s["breaks_minimal"].as_bool(), s["breaks_lower_bound"].as_i64()), (Some(false), Some(0)));
}

#[test]
fn bad_problem_files_exit_2_and_name_the_element() {
    let cases = [
        (
            FORUM.replace(r#""participants": ["p1", "p4"]"#, r#""participants": ["p1", "p9"]"#),
            "requests[3].participants[1]: unknown participant `p9` (request r4)",
        ),
        (
            FORUM.replace(
                r#"[{"id": "s1", "session": "am"}, {"id": "s2", "session": "am"}, {"id": "s3", "session": "pm"}]"#,
                "[]",
            ),
            "slots: must list at least one slot",
        ),
        (
            FORUM.replace(r#"{"id": "p3", "available""#, r#"{"id": "p2", "available""#),
            "participants[2].id: duplicate participant id `p2`",
        ),
        (FORUM.replace(r#""pinned": {"slot": "s2", "table": 1}"#, r#""pinned": {"slot": "s3", "table": 1}"#), "r3"),
        ("{not json".to_string(), "not valid JSON"),
    ];
    for (text, want) in cases {
        let (code, err, solution) = schedule(&text, &[]);
        assert_eq!(code, Some(2), "{want}: {err}");
        assert!(err.contains(want), "want {want:?} in {err}");
        assert!(solution.is_none(), "nothing is written for an invalid file");
    }
}

#[test]
fn place_all_that_cannot_be_met_exits_3_with_the_best_schedule() {
    let impossible = FORUM
        .replace(r#""place_all": false"#, r#""place_all": true"#)
        .replace(r#""allowed_slots": ["s3"]"#, r#""allowed_slots": ["s1"]"#);
    let (code, err, s) = schedule(&impossible, &["--max-iterations", "1000"]);
    assert_eq!(code, Some(3), "{err}");
    let s = s.unwrap();
    assert_eq!(s["status"], "place_all_impossible");
    assert!(s["unplaced"].as_array().unwrap().iter().any(|u| u["request"] == "r2"));
}

/// Eight requests for exactly eight table-slots: every request fits, but only if the search
/// gets to work; the greedy start alone leaves some out.
const TIGHT: &str = r#"{
  "slots": [{"id": "s1", "session": "am"}, {"id": "s2", "session": "am"}, {"id": "s3", "session": "pm"}, {"id": "s4", "session": "pm"}],
  "tables": 2,
  "participants": [{"id": "p1", "available": ["s1", "s2", "s3"]}, {"id": "p2"}, {"id": "p3", "available": ["s2", "s4"]},
                   {"id": "p4"}, {"id": "p5"}, {"id": "p6", "available": ["s1", "s2", "s4"]}, {"id": "p7"}, {"id": "p8"}],
  "requests": [{"id": "r1", "participants": ["p2", "p7"]}, {"id": "r2", "participants": ["p1", "p5"]},
               {"id": "r3", "participants": ["p6", "p2"]}, {"id": "r4", "participants": ["p8", "p2"]},
               {"id": "r5", "participants": ["p5", "p3"]}, {"id": "r6", "participants": ["p6", "p4"]},
               {"id": "r7", "participants": ["p8", "p1"]}, {"id": "r8", "participants": ["p3", "p6"]}],
  "objective": {"place_all": true}
}"#;

#[test]
fn place_all_not_reached_within_the_limits_exits_4_with_the_best_schedule() {
    let (code, err, s) = schedule(TIGHT, &["--max-iterations", "0"]);
    assert_eq!(code, Some(4), "{err}");
    let s = s.expect("the best schedule is still written");
    assert_eq!(s["status"], "place_all_not_reached");
    let unplaced = s["unplaced"].as_array().unwrap();
    assert!(!unplaced.is_empty() && unplaced.iter().all(|u| !u["reason"].as_str().unwrap_or("").is_empty()));
    assert_eq!(s["placed"].as_u64().unwrap() as usize + unplaced.len(), 8);
    // With room to search, the same file places everything: it was never impossible.
    let (code, err, s) = schedule(TIGHT, &["--max-iterations", "100000"]);
    assert_eq!(code, Some(0), "{err}");
    let s = s.unwrap();
    assert_eq!((s["status"].as_str(), s["placed"].as_u64()), (Some("place_all_reached"), Some(8)));
}

#[test]
fn eval_matching_prints_one_json_object_for_every_method() {
    let out = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
        .args([
            "eval",
            "matching",
            "--data",
            &fixture("cordis"),
            "--test",
            &fixture("cordis/test_projects.csv"),
            "--cutoff",
            "2020-01-01",
            "--json",
        ])
        .output()
        .unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["projects"], 1, "one test project has a relevant candidate: {v}");
    for method in ["ours", "popularity", "bm25", "bm25_prior"] {
        for metric in ["recall@10", "recall@20", "recall@50", "recall@100", "mrr", "ndcg@20"] {
            let x = v["methods"][method][metric].as_f64().unwrap_or(-1.0);
            assert!((0.0..=1.0).contains(&x), "{method} {metric}: {v}");
        }
    }
    let bad = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
        .args(["eval", "matching", "--data", "/nowhere", "--test", "x.csv"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad).1.contains("cannot read /nowhere/projects.csv"));
}

#[test]
fn eval_matching_queries_replace_the_texts_and_name_a_wrong_id() {
    let dir = tempfile::tempdir().unwrap();
    let eval = |lines: &str| {
        let file = dir.path().join("q.jsonl");
        std::fs::write(&file, lines).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_clusterbridge"))
            .args(["eval", "matching", "--data", &fixture("cordis"), "--test", &fixture("cordis/test_projects.csv")])
            .args(["--cutoff", "2020-01-01", "--json", "--queries", file.to_str().unwrap()])
            .output()
            .unwrap();
        let (stdout, stderr) = text(&out);
        (out.status.code(), stdout, stderr)
    };
    // A French text for the one test project: evaluated, baselines included, on that text.
    let (code, stdout, stderr) =
        eval("{\"id\": 700003, \"title\": \"Mobilité publique au Kosovo\", \"objective\": \"Transports publics.\"}\n");
    assert_eq!(code, Some(0), "{stderr}");
    let v: serde_json::Value = serde_json::from_str(stdout.trim()).unwrap();
    assert_eq!(v["projects"], 1, "{v}");
    assert!(v["methods"]["bm25_prior"]["mrr"].as_f64().is_some(), "{v}");
    for (lines, message) in [
        (
            "{\"id\": \"700001\", \"title\": \"t\", \"objective\": \"o\"}\n",
            "q.jsonl:1: id: `700001` is not a test project of --test",
        ),
        ("\n{\"id\": 700003, \"title\": \"t\"}\n", "q.jsonl:2: objective: missing or not a string"),
        ("{\"id\": 700003, \"title\": \"t\", \"objective\": \"o\", \"lang\": \"fr\"}\n", "lang: unknown field"),
        ("not json\n", "q.jsonl:1: not JSON"),
    ] {
        let (code, _, stderr) = eval(lines);
        assert_eq!(code, Some(2), "{lines}: {stderr}");
        assert!(stderr.contains(message), "{lines}: {stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn matchmaking_from_the_command_line() {
    let db = TestDb::sqlite().await.unwrap();
    let url = db.url.clone();
    assert!(cb(&url, &["import", "cordis", &fixture("cordis")], None).status.success());
    let (out, err) = text(&cb(&url, &["partners", "satellite navigation for freight", "--limit", "3"], None));
    assert!(out.contains("ORBITAL WORKS SARL"), "{out}{err}");
    assert!(out.contains("- Its work mentions"), "every suggestion says why: {out}");
    let (json, _) = text(&cb(&url, &["partners", "satellite", "--json"], None));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v[0]["reasons"].as_array().is_some_and(|r| !r.is_empty()));
    let empty = cb(&url, &["partners", " "], None);
    assert_eq!(empty.status.code(), Some(2));
    assert!(text(&empty).1.contains("q: is required"));
    let (team, err) = text(&cb(
        &url,
        &["consortium", "satellite freight", "--roles", "company=1,university=1", "--min-countries", "2"],
        None,
    ));
    assert!(team.contains("company: ") && team.contains("university: "), "{team}{err}");
    let bad = cb(&url, &["consortium", "x", "--roles", "wizard=1"], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad).1.contains("roles: `wizard` is not one of"));
    assert!(cb(&url, &["themes"], None).status.success());
    assert!(cb(&url, &["cluster-fit", "1"], None).status.success());
    assert_eq!(
        cb(&url, &["recommend", "999"], None).status.code(),
        Some(2),
        "an unknown organisation is the user's mistake"
    );
    db.cleanup().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_from_the_command_line() {
    for db in databases().await {
        let url = db.url.clone();
        assert!(cb(&url, &["migrate"], None).status.success());
        let create = |extra: &[&str]| {
            let mut args = vec![
                "event",
                "create",
                "--slug",
                "forum-27",
                "--name",
                "Cluster Forum 2027",
                "--starts-on",
                "2027-03-10",
            ];
            args.extend_from_slice(extra);
            cb(&url, &args, None)
        };
        // Mistakes name the field and the line, all at once, and create nothing.
        let bad = create(&["--agenda", "9:00 Keynote", "--programme", "morning 10:00 20", "--tables", "0"]);
        let (_, err) = text(&bad);
        assert_eq!(bad.status.code(), Some(2), "{err}");
        assert!(err.contains("agenda: line 1") && err.contains("programme: line 1") && err.contains("tables"), "{err}");
        assert!(text(&cb(&url, &["event", "list"], None)).0.is_empty(), "nothing was created");

        let ok = create(&[
            "--venue",
            "Luxembourg-Kirchberg",
            "--agenda",
            "09:00-09:45 Welcome and keynote (keynote)",
            "--programme",
            "afternoon 14:00 20 3",
            "--programme",
            "2027-03-11 morning 09:00 30 2",
            "--max-meetings",
            "4",
        ]);
        let (out, err) = text(&ok);
        assert!(ok.status.success(), "{err}");
        assert!(out.contains("created forum-27 with 5 meeting slots"), "{out}");
        let (list, _) = text(&cb(&url, &["event", "list"], None));
        assert!(list.contains("forum-27\t2027-03-10"), "{list}");

        let (out, err) =
            text(&cb(&url, &["event", "add-participant", "forum-27", "--name", "A guest from Metz"], None));
        assert!(out.starts_with("participant "), "{out}{err}");
        let bad = cb(&url, &["event", "add-participant", "forum-27", "--name", "X", "--organisation", "999999"], None);
        assert_eq!(bad.status.code(), Some(2));
        assert!(text(&bad).1.contains("organisation: no organisation 999999"));

        let (plan, _) = text(&cb(&url, &["event", "plan", "forum-27"], None));
        assert_eq!(plan.lines().count(), 5, "{plan}");
        assert!(
            plan.contains("2027-03-10 14:40 afternoon (20 tables)") && plan.contains("2027-03-11 09:30 morning"),
            "{plan}"
        );
        // Each slot line starts with the slot's id: `#ID date time session (N tables)`.
        let first_slot = plan.split_whitespace().next().unwrap().trim_start_matches('#').to_string();
        let bad = cb(&url, &["event", "tables", "forum-27", "x=1"], None);
        assert_eq!(bad.status.code(), Some(2), "a bad entry is refused");
        let set = cb(&url, &["event", "tables", "forum-27", &format!("{first_slot}=6")], None);
        assert!(set.status.success(), "{}", text(&set).1);
        let (plan, _) = text(&cb(&url, &["event", "plan", "forum-27"], None));
        assert!(plan.starts_with(&format!("#{first_slot} 2027-03-10 14:00 afternoon (6 tables)")), "{plan}");
        let (report, err) = text(&cb(&url, &["event", "schedule", "forum-27", "--time-limit", "1"], None));
        assert!(report.contains("placed 0 of 0 meetings"), "{report}{err}");
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clusters_split_and_merge_from_the_command_line() {
    for db in databases().await {
        let url = db.url.clone();
        // No command creates a cluster (the web app does): two, through the app, on the same database.
        let app = app::App::open(&url).await.unwrap();
        for (slug, name) in [("space", "Space"), ("materials", "Materials")] {
            let input = domain::ClusterInput {
                slug: slug.into(),
                name: name.into(),
                sector: "Industry".into(),
                description: String::new(),
            };
            app.create_cluster(&domain::Actor::system(), &input).await.unwrap();
        }
        let dir = tempfile::tempdir().unwrap();
        let orgs = dir.path().join("orgs.csv");
        std::fs::write(
            &orgs,
            "external_id,name,kind,country\nA1,Acme,company,LU\nA2,Beta,company,LU\nA3,Gamma,research,LU\n",
        )
        .unwrap();
        let members = dir.path().join("members.csv");
        std::fs::write(&members, "organisation,cluster\nA1,space\nA2,space\nA3,space\n").unwrap();
        assert!(cb(&url, &["import", "organisations", orgs.to_str().unwrap()], None).status.success());
        assert!(cb(&url, &["import", "memberships", members.to_str().unwrap()], None).status.success());
        let (json, _) = text(&cb(&url, &["export", "organisations", "--format", "json"], None));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let id = |ext: &str| {
            let o = v.as_array().unwrap().iter().find(|o| o["external_id"] == ext).unwrap();
            o["id"].as_i64().unwrap().to_string()
        };
        let (list, _) = text(&cb(&url, &["cluster", "list"], None));
        assert!(list.contains("\tspace\tactive\tmembers=3\tSpace"), "{list}");

        // Mistakes exit 2 and name the field; nothing is split.
        let split = |args: &[&str]| {
            let mut all = vec!["cluster", "split"];
            all.extend_from_slice(args);
            cb(&url, &all, None)
        };
        let moving = format!("{},{}", id("A1"), id("A2"));
        for (args, message) in [
            (vec!["nowhere", "--slug", "c", "--name", "C", "--organisations", "1"], "from: no cluster `nowhere`"),
            (
                vec!["space", "--slug", "c", "--name", "C", "--organisations", "1,x"],
                "organisations: `x` is not an organisation id",
            ),
            (
                vec!["space", "--slug", "c", "--name", "C", "--organisations", ""],
                "organisations: name at least one member",
            ),
            (
                vec!["space", "--slug", "c", "--name", "C", "--organisations", "999999"],
                "organisations: organisation 999999 is not a member of Space",
            ),
            (vec!["space", "--slug", "Not A Slug", "--name", "C", "--organisations", &moving], "slug: use 1 to 60"),
            (
                vec!["space", "--slug", "materials", "--name", "C", "--organisations", &moving],
                "slug: another cluster has this slug",
            ),
        ] {
            let out = split(&args);
            let (_, err) = text(&out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains(message), "{args:?}: {err}");
        }
        let (list, _) = text(&cb(&url, &["cluster", "list"], None));
        assert!(list.contains("\tspace\tactive\tmembers=3\t") && !list.contains("\tc\t"), "{list}");

        let out = split(&["space", "--slug", "composites", "--name", "Composites", "--organisations", &moving]);
        let (said, err) = text(&out);
        assert!(out.status.success(), "{err}");
        assert!(
            said.starts_with("split composites off space as cluster ") && said.contains(": 2 members moved"),
            "{said}"
        );
        let (list, _) = text(&cb(&url, &["cluster", "list"], None));
        assert!(list.contains("\tcomposites\tactive\tmembers=2\tComposites"), "{list}");
        assert!(list.contains("\tspace\tactive\tmembers=1\tSpace"), "{list}");

        let bad = cb(&url, &["cluster", "merge", "composites", "--into", "nowhere"], None);
        assert_eq!(bad.status.code(), Some(2));
        assert!(text(&bad).1.contains("into: no cluster `nowhere`"), "{:?}", text(&bad));
        let (said, err) = text(&cb(&url, &["cluster", "merge", "composites", "--into", "space"], None));
        assert_eq!(said.trim(), "merged composites into space", "{err}");
        let (list, _) = text(&cb(&url, &["cluster", "list"], None));
        assert!(
            list.contains("\tcomposites\tmerged\tmembers=0") && list.contains("\tspace\tactive\tmembers=3"),
            "{list}"
        );
        let again = cb(&url, &["cluster", "merge", "composites", "--into", "space"], None);
        assert_eq!(again.status.code(), Some(2), "a merged cluster cannot merge again: {:?}", text(&again));

        // Cluster-fit keywords are data: shown, replaced (cleaned), refused with the field named.
        let (said, _) = text(&cb(&url, &["cluster", "keywords", "space"], None));
        assert_eq!(said.trim(), "space");
        let (said, err) = text(&cb(&url, &["cluster", "keywords", "space", "--set", " Satellit, orbit,orbit "], None));
        assert_eq!(said.trim(), "space\torbit,satellit", "{err}");
        let bad = cb(&url, &["cluster", "keywords", "space", "--set", "satellit,a b"], None);
        assert_eq!(bad.status.code(), Some(2));
        assert!(text(&bad).1.contains("keywords: `a b` is not a keyword"), "{:?}", text(&bad));
        let (said, _) = text(&cb(&url, &["cluster", "keywords", "space"], None));
        assert_eq!(said.trim(), "space\torbit,satellit", "a refused change keeps the keywords");
        drop(app);
        db.cleanup().await.unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_listed_and_revoked_accounts_disabled_and_enabled_from_the_command_line() {
    for db in databases().await {
        let url = db.url.clone();
        let add = cb(
            &url,
            &["user", "add", "--email", "a@example.org", "--role", "admin", "--password-stdin"],
            Some("password123\n"),
        );
        assert_eq!(add.status.code(), Some(2), "a common password is the user's mistake");
        assert!(
            text(&add).1.contains("password: is too easy to guess: This is a very common password."),
            "{:?}",
            text(&add)
        );
        let add = cb(
            &url,
            &["user", "add", "--email", "a@example.org", "--role", "admin", "--password-stdin"],
            Some("a long password\n"),
        );
        assert!(add.status.success(), "{:?}", text(&add));
        let weak =
            cb(&url, &["user", "password", "--email", "a@example.org", "--password-stdin"], Some("aaaaaaaaaaaa\n"));
        assert_eq!(weak.status.code(), Some(2));
        assert!(text(&weak).1.contains("password: is too easy to guess: Repeats like"), "{:?}", text(&weak));

        let (first, _) = text(&cb(&url, &["user", "token", "--email", "a@example.org", "--name", "laptop"], None));
        let (second, _) = text(&cb(&url, &["user", "token", "--email", "a@example.org"], None));
        let (list, err) = text(&cb(&url, &["user", "token", "--email", "a@example.org", "--list"], None));
        let rows: Vec<Vec<&str>> = list.lines().map(|l| l.split('\t').collect()).collect();
        assert_eq!(rows.len(), 2, "{list}{err}");
        assert_eq!((rows[0][1], rows[1][1]), ("laptop", "cli"), "{list}");
        assert!(rows.iter().all(|r| r.len() == 3 && r[2].ends_with('Z')), "id, name, created: {list}");
        assert!(!list.contains(first.trim()) && !list.contains(second.trim()), "never the tokens themselves");

        let (said, err) = text(&cb(&url, &["user", "token", "--revoke", rows[0][0]], None));
        assert!(said.starts_with(&format!("revoked API token {} (laptop)", rows[0][0])), "{said}{err}");
        let again = cb(&url, &["user", "token", "--revoke", rows[0][0]], None);
        assert_eq!(again.status.code(), Some(2), "{:?}", text(&again));
        assert!(text(&again).1.contains(&format!("API token {} not found", rows[0][0])), "{:?}", text(&again));
        let (list, _) = text(&cb(&url, &["user", "token", "--email", "a@example.org", "--list"], None));
        assert_eq!(list.lines().count(), 1, "{list}");
        let both = cb(&url, &["user", "token", "--email", "a@example.org", "--list", "--revoke", "1"], None);
        assert_eq!(both.status.code(), Some(2), "--list and --revoke exclude each other");

        let app = app::App::open(&url).await.unwrap();
        let session = app.login("a@example.org", "a long password", "cli-test").await.unwrap();
        let (said, err) = text(&cb(&url, &["user", "disable", "--email", "A@example.org"], None));
        assert_eq!(said.trim(), "disabled A@example.org: its sessions and API tokens are ended", "{err}");
        let (list, _) = text(&cb(&url, &["user", "list"], None));
        assert!(list.contains("a@example.org\tadmin") && list.trim_end().ends_with("\tdisabled"), "{list}");
        let (tokens, _) = text(&cb(&url, &["user", "token", "--email", "a@example.org", "--list"], None));
        assert_eq!(tokens, "", "the tokens ended");
        assert!(app.session(&session.token).await.unwrap().is_none(), "the session ended");
        let refused = app.login("a@example.org", "a long password", "cli-test").await;
        assert!(matches!(&refused, Err(app::AppError::Validation(e)) if e[0].message == "this account is disabled"));

        let (said, _) = text(&cb(&url, &["user", "enable", "--email", "a@example.org"], None));
        assert_eq!(said.trim(), "enabled a@example.org");
        assert!(!text(&cb(&url, &["user", "list"], None)).0.contains("disabled"));
        app.login("a@example.org", "a long password", "cli-test").await.unwrap();
        let missing = cb(&url, &["user", "disable", "--email", "nobody@example.org"], None);
        assert_eq!(missing.status.code(), Some(2));
        let log = app.audit_log(&domain::Actor::system(), 20).await.unwrap();
        let actions: Vec<&str> = log.iter().rev().map(|e| e.action.as_str()).collect();
        assert!(actions.ends_with(&["create", "create", "revoke", "disable", "enable"]), "{actions:?}");
        drop(app);
        db.cleanup().await.unwrap();
    }
}
