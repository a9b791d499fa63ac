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
        assert_eq!((unnamed.display_name().as_str(), unnamed.country.code()), ("Organisation 100000002", "GB"));
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
