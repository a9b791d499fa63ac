//! Finding 13 of issue 13: the one rule for user text (NFC; no control, bidi-override or
//! zero-width character in names) holds for events too, and imports strip such characters from
//! real rows instead of rejecting them, counting what they stripped.

use crate::{on_every_backend, on_every_store};
use app::cordis::CordisData;
use app::events::EventInput;
use app::import::CsvKind;
use app::AppError;
use domain::Actor;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn event_names_refuse_invisible_characters_and_imports_strip_and_count_them() {
    on_every_backend(|app, label| async move {
        let input = |name: &str, venue: &str, description: &str| EventInput {
            slug: "forum".into(),
            name: name.into(),
            venue: venue.into(),
            description: description.into(),
            starts_on: "2027-05-01".into(),
            tables: 5,
            capacity: 50,
            ..Default::default()
        };
        let refused = |r: Result<(), AppError>| match r {
            Err(AppError::Validation(errs)) => errs.iter().map(ToString::to_string).collect::<Vec<_>>(),
            other => panic!("{label}: {other:?}"),
        };
        let sys = Actor::system();
        let errs = refused(
            app.create_event(&sys, &input("Forum\u{202e}", "Hall\rATTACH:x", "ok\n\u{7}"), &[], &[]).await.map(|_| ()),
        );
        assert_eq!(
            errs,
            [
                "name: contains a control or invisible character (U+202E)",
                "venue: contains a control or invisible character (U+000D)",
                "description: contains a control or invisible character (U+0007)",
            ],
            "{label}"
        );
        app.create_event(&sys, &input("Forum", "Hall", "Line one\r\nline two"), &[], &[]).await.unwrap();
        let p = app.add_participant(&sys, "forum", "Guest\u{200b}", None, None).await;
        assert_eq!(refused(p.map(|_| ())), ["name: contains a control or invisible character (U+200B)"]);
    })
    .await;

    on_every_store(|app, db, label| async move {
        let file = "external_id,name,kind,country,city,description\n\
            Z1,\"Zero\u{200b}width \u{202e}SA\",company,LU,\"Lux\nembourg\",\"Line\r\nbreaks\tkept\u{feff}\"\n";
        let sys = Actor::system();
        let r = app.import_csv(&sys, CsvKind::Organisations, "z.csv", file.as_bytes(), false, &|_, _| {}).await.unwrap();
        assert!(r.errors.is_empty(), "{label}: {:?}", r.errors);
        assert_eq!((r.created, r.stripped), (1, 4), "{label}");
        assert!(r.summary().ends_with("; 4 control or invisible characters removed"), "{}", r.summary());
        let mut conn = db.conn().await.unwrap();
        let o = store::get_org_by_external_id(&mut conn, "Z1").await.unwrap().unwrap();
        assert_eq!((o.name.as_str(), o.city.as_str()), ("Zerowidth SA", "Lux embourg"));
        assert_eq!(o.description, "Line\r\nbreaks\tkept");
        drop(conn);

        let data = CordisData::from_bytes(
            "id,name,short_name,country,activity_type,sme,city,url\n900001,\u{feff}ORBITAL\u{200b},,LU,PRC,,Lux\u{2066},\n"
                .as_bytes(),
            "id,acronym,title,objective,start_date,end_date,programme,topic_title\n\
             800001,SAT,Satellite\u{200b} navigation,Obj\u{7},2015-01-01,2018-12-31,H2020,Space\n"
                .as_bytes(),
            b"project_id,organisation_id,role\n800001,900001,coordinator\n",
        )
        .unwrap();
        let report = app.import_cordis(&sys, &data, &|_, _| {}).await.unwrap();
        assert_eq!((report.organisations_created, report.projects_created), (1, 1), "{label}");
        let rule = "control or invisible characters removed";
        assert_eq!(report.normalised.iter().find(|(r, _)| r == rule).map(|(_, n)| *n), Some(5), "{:?}", report.normalised);
        let mut conn = db.conn().await.unwrap();
        let o = store::get_org_by_external_id(&mut conn, "900001").await.unwrap().unwrap();
        assert_eq!((o.name.as_str(), o.city.as_str()), ("ORBITAL", "Lux"));
        let ids = store::project_external_ids(&mut conn).await.unwrap();
        let id = ids.iter().find(|(e, _)| e == "800001").unwrap().1;
        let p = store::get_project(&mut conn, id).await.unwrap().unwrap();
        assert_eq!((p.title.as_str(), p.summary.as_str()), ("Satellite navigation", "Obj"));
    })
    .await;
}
