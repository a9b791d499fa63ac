//! The CORDIS import copes with messy real rows and is idempotent.

use crate::{fixture, on_every_store};
use app::cordis::CordisData;
use domain::Actor;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cordis_import_normalises_and_is_idempotent() {
    on_every_store(|app, db, label| async move {
        let data = CordisData::from_dir(&fixture("cordis")).unwrap();
        let first = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!((first.organisations_created, first.projects_created), (5, 4), "{label}");
        // 9 rows: one names an unknown organisation.
        assert_eq!(first.partners_created, 8, "{label}");
        let rules: Vec<&str> = first.normalised.iter().map(|(r, _)| r.as_str()).collect();
        assert!(rules.contains(&"country alias mapped to ISO (UK→GB, EL→GR, KO→XK)"), "{rules:?}");
        assert!(rules.contains(&"empty country set to XX (unknown)"));
        assert!(rules.contains(&"unknown participation role read as participant"));
        assert_eq!(first.skipped, [("participation naming an unknown project or organisation".to_string(), 1)]);

        let mut conn = db.conn().await.unwrap();
        let unnamed = store::get_org_by_external_id(&mut conn, "100000002").await.unwrap().unwrap();
        assert_eq!(
            (unnamed.display_name().as_str(), unnamed.country.code()),
            ("Unnamed organisation (PIC 100000002)", "GB")
        );
        let greek = store::get_org_by_external_id(&mut conn, "100000003").await.unwrap().unwrap();
        assert_eq!((greek.country.code(), greek.sme), ("GR", None), "SME kept for companies only");
        assert_eq!(store::get_org_by_external_id(&mut conn, "100000004").await.unwrap().unwrap().country.code(), "XK");
        let orbital = store::get_org_by_external_id(&mut conn, "100000001").await.unwrap().unwrap();
        assert_eq!((orbital.sme, orbital.website.as_str()), (Some(true), "http://www.orbital.example"));
        assert_eq!(orbital.description, "", "descriptions are the organisation's own words, never generated");
        drop(conn);

        let second = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!(
            (
                second.organisations_created,
                second.organisations_updated,
                second.projects_created,
                second.projects_updated,
                second.partners_created
            ),
            (0, 0, 0, 0, 0),
            "second import changes nothing on {label}"
        );

        // The directory finds organisations by the words of their projects.
        let hits = app
            .search(&app::registry::DirectoryQuery { q: Some("satellite".into()), ..Default::default() })
            .await
            .unwrap();
        assert_eq!(hits.total, 4, "{label}");
    })
    .await;
}

/// Found by the `cordis` fuzz target: a project id repeated in `projects.csv` overwrote the
/// project row by row, so every import "updated" it again (5 updates per re-import in the
/// crash). The first row counts, the others are skipped and counted, and a re-import changes
/// nothing; a row without an id is skipped too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_project_rows_are_skipped_and_a_reimport_changes_nothing() {
    on_every_store(|app, _db, label| async move {
        let orgs = b"id,name,country,activity_type\n1,Acme,LU,PRC\n";
        let projects = b"id,acronym,title\n10,ONE,First\n10,TWO,Second\n,NONE,No id\n11,ELF,Eleven\n";
        let parts = b"project_id,organisation_id,role\n10,1,coordinator\n";
        let data = CordisData::from_bytes(orgs, projects, parts).unwrap();
        let first = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!((first.projects_created, first.projects_updated), (2, 0), "{label}");
        assert_eq!(first.skipped, [("project row without id or repeated".to_string(), 2)]);
        let again = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!((again.projects_created, again.projects_updated, again.partners_created), (0, 0, 0), "{label}");
        let q = app::registry::ProjectQuery { q: Some("first".into()), ..Default::default() };
        assert_eq!(app.projects(&q).await.unwrap().1, 1, "the first row counts on {label}");
    })
    .await;
}

/// Organisations that CORDIS does not name were imported with an empty name, which the profile
/// form refuses ("name is required"), so their accounts could not save their profile. They are
/// named by their short name, else "Unnamed organisation (PIC <PIC>)", counted; a re-import changes nothing,
/// an existing database is repaired by the next import, and a name the organisation gave
/// itself is kept.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn organisations_without_a_name_get_a_fallback_name_once() {
    on_every_store(|app, db, label| async move {
        let now = "2026-01-01T00:00:00Z";
        // An earlier import left an unnamed organisation (PIC 4) and one that has since named
        // itself (PIC 5).
        let mut conn = db.conn().await.unwrap();
        store::insert_org(&mut conn, &draft("4", ""), now).await.unwrap();
        store::insert_org(&mut conn, &draft("5", "Own Name SA"), now).await.unwrap();
        drop(conn);

        let orgs = "id,name,short_name,country,activity_type\n\
                    1,,SHORTY,LU,PRC\n2,,,LU,PRC\n3,\u{200b},,LU,PRC\n4,,,LU,PRC\n5,,,LU,PRC\n6,Named SA,NSA,LU,PRC\n";
        let data = CordisData::from_bytes(orgs.as_bytes(), b"id\n", b"project_id,organisation_id\n").unwrap();
        let first = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!((first.organisations_created, first.organisations_updated), (4, 1), "PIC 4 repaired on {label}");
        let count = |r: &app::cordis::CordisReport, rule: &str| {
            r.normalised.iter().find(|(k, _)| k == rule).map(|(_, n)| *n).unwrap_or(0)
        };
        assert_eq!(count(&first, "organisation without a name named by its short name"), 1, "{label}");
        assert_eq!(
            count(&first, "organisation without a name named \"Unnamed organisation (PIC <PIC>)\""),
            4,
            "{label}"
        );

        let mut conn = db.conn().await.unwrap();
        let mut names = Vec::new();
        for pic in ["1", "2", "3", "4", "5", "6"] {
            names.push(store::get_org_by_external_id(&mut conn, pic).await.unwrap().unwrap().name);
        }
        assert_eq!(
            names,
            [
                "SHORTY",
                "Unnamed organisation (PIC 2)",
                "Unnamed organisation (PIC 3)",
                "Unnamed organisation (PIC 4)",
                "Own Name SA",
                "Named SA"
            ],
            "{label}"
        );
        let placeholder = store::get_org_by_external_id(&mut conn, "2").await.unwrap().unwrap();
        assert_eq!(placeholder.display_name(), "Unnamed organisation (PIC 2)", "{label}");
        drop(conn);
        // The placeholder is no search word: "organisation" finds none of them.
        let hits = app
            .search(&app::registry::DirectoryQuery { q: Some("organisation".into()), ..Default::default() })
            .await
            .unwrap();
        assert_eq!(hits.total, 0, "{label}");
        // Issue 17: the directory lists unnamed organisations after every named one.
        let all = app.search(&app::registry::DirectoryQuery::default()).await.unwrap();
        let order: Vec<String> = all.hits.iter().map(|h| h.organisation.display_name()).collect();
        assert_eq!(
            order,
            [
                "Named SA",
                "Own Name SA",
                "SHORTY",
                "Unnamed organisation (PIC 2)",
                "Unnamed organisation (PIC 3)",
                "Unnamed organisation (PIC 4)"
            ],
            "{label}"
        );

        let again = app.import_cordis(&Actor::system(), &data, &|_, _| {}).await.unwrap();
        assert_eq!((again.organisations_created, again.organisations_updated), (0, 0), "idempotent on {label}");
    })
    .await;
}

fn draft(pic: &str, name: &str) -> domain::OrganisationDraft {
    domain::OrganisationDraft {
        external_id: Some(pic.to_string()),
        name: name.to_string(),
        short_name: String::new(),
        kind: domain::OrgKind::Company,
        sme: None,
        country: domain::Country::parse("LU").unwrap(),
        city: String::new(),
        website: String::new(),
        description: String::new(),
        offers: String::new(),
        needs: String::new(),
        tags: Vec::new(),
        languages: Vec::new(),
    }
}
