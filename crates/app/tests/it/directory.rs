//! The in-memory directory index answers exactly as the SQL reference query does, and sees
//! writes made by other processes (through the database's directory version).

use crate::{fixture, on_every_store};
use app::cordis::CordisData;
use app::registry::DirectoryQuery;
use domain::{Actor, ClusterInput, Country, OrgKind};
use store::OrgFilter;

/// Query words, cluster, kind, country.
type Case = (&'static str, Option<domain::ClusterId>, Option<OrgKind>, Option<&'static str>);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn index_matches_the_sql_reference() {
    on_every_store(|app, db, label| async move {
        let sys = Actor::system();
        app.import_cordis(&sys, &CordisData::from_dir(&fixture("cordis")).unwrap(), &|_, _| {}).await.unwrap();
        let space = ClusterInput {
            slug: "space".into(),
            name: "Space".into(),
            sector: "Space".into(),
            description: String::new(),
        };
        let space = app.create_cluster(&sys, &space).await.unwrap();
        let mut conn = db.conn().await.unwrap();
        let orbital = store::get_org_by_external_id(&mut conn, "100000001").await.unwrap().unwrap().id;
        drop(conn);
        app.add_membership(&sys, orbital, "space", None, None).await.unwrap();

        let cases: Vec<Case> = vec![
            ("", None, None, None),
            ("sat", None, None, None),
            ("satellite freight", None, None, None),
            ("sat", Some(space), None, None),
            ("sat", None, Some(OrgKind::Company), None),
            ("", None, None, Some("GB")),
            ("kosovo mobility", None, None, None),
            ("zzz", None, None, None),
        ];
        for (q, cluster, kind, country) in cases {
            for (offset, limit) in [(0, 20), (1, 2)] {
                let filter = OrgFilter {
                    terms: domain::text::tokens(q),
                    cluster_id: cluster,
                    kind,
                    country: country.map(|c| Country::parse(c).unwrap()),
                    members_only: false,
                    today: app.today_text(),
                    offset,
                    limit,
                };
                let mut conn = db.conn().await.unwrap();
                let (want, want_total) = store::search_orgs(&mut conn, &filter).await.unwrap();
                let mut want_facets = store::search_facets(&mut conn, &filter).await.unwrap();
                drop(conn);
                let got = app.directory().await.unwrap().search(&app::directory::Query {
                    terms: filter.terms.clone(),
                    cluster_id: cluster.map(|c| c.get()),
                    kind: kind.map(|k| k.as_str().to_string()),
                    country: country.map(str::to_string),
                    members_only: false,
                    today: app.today_text(),
                    offset: offset as usize,
                    limit: limit as usize,
                });
                let ids: Vec<i64> = want.iter().map(|h| h.organisation.id.get()).collect();
                assert_eq!(
                    (got.ids.clone(), got.total as i64),
                    (ids, want_total),
                    "{q:?} {cluster:?} {kind:?} {country:?} on {label}"
                );
                let mut got_facets = got.facets.clone();
                got_facets.clusters.sort();
                want_facets.clusters.sort();
                assert_eq!(got_facets, want_facets, "facets of {q:?} on {label}");
            }
        }

        // A write through the store alone (as another process, e.g. a CLI import, would) moves the
        // version, and the next search sees it.
        let before =
            app.search(&DirectoryQuery { q: Some("quantum".into()), ..Default::default() }).await.unwrap().total;
        assert_eq!(before, 0);
        let mut conn = db.conn().await.unwrap();
        let draft = domain::OrganisationDraft::parse(&domain::OrganisationInput {
            name: "Quantum Works".into(),
            kind: "company".into(),
            country: "LU".into(),
            ..Default::default()
        })
        .unwrap();
        let id = store::insert_org(&mut conn, &draft, "2026-03-01T10:00:00Z").await.unwrap();
        store::set_org_terms(&mut conn, id, &[("quantum".into(), 10)]).await.unwrap();
        drop(conn);
        let after = app.search(&DirectoryQuery { q: Some("quantum".into()), ..Default::default() }).await.unwrap();
        assert_eq!(after.total, 1, "{label}");
    })
    .await;
}
