//! The storage story: one sequence of writes and reads that must behave the same on SQLite and
//! PostgreSQL.

use domain::{
    ClusterDraft, Country, Membership, OrgKind, OrganisationDraft, PersonDraft, ProjectDraft, ProjectKind,
    ProjectStatus, Visibility,
};
use store::testdb::TestDb;
use store::{OrgFilter, StoreError};

const NOW: &str = "2026-01-01T00:00:00Z";
const TODAY: &str = "2026-01-01";

fn org(ext: &str, name: &str, kind: OrgKind, country: &str) -> OrganisationDraft {
    OrganisationDraft {
        external_id: Some(ext.into()),
        name: name.into(),
        short_name: String::new(),
        kind,
        sme: if kind == OrgKind::Company { Some(true) } else { None },
        country: Country::parse(country).unwrap(),
        city: "Luxembourg".into(),
        website: String::new(),
        description: "Satellite ground stations".into(),
        offers: String::new(),
        needs: String::new(),
        tags: vec!["space".into(), "robotics".into()],
        languages: vec!["en".into(), "fr".into()],
    }
}

async fn story(db: &TestDb) -> Result<(), StoreError> {
    let s = &db.store;
    let mut tx = s.begin().await?;
    let space = store::insert_cluster(
        &mut tx,
        &ClusterDraft {
            slug: "space".into(),
            name: "Space".into(),
            sector: "Space".into(),
            description: "Satellites".into(),
        },
        NOW,
    )
    .await?;
    let ict = store::insert_cluster(
        &mut tx,
        &ClusterDraft { slug: "ict".into(), name: "ICT".into(), sector: "ICT".into(), description: "Software".into() },
        NOW,
    )
    .await?;
    let a = store::insert_org(&mut tx, &org("1", "Orbital Works", OrgKind::Company, "LU"), NOW).await?;
    let b = store::insert_org(&mut tx, &org("2", "", OrgKind::University, "UK"), NOW).await?;
    store::set_org_terms(&mut tx, a, &[("orbital".into(), 10), ("satellite".into(), 3)]).await?;
    store::set_org_terms(&mut tx, b, &[("satellite".into(), 1), ("software".into(), 3)]).await?;
    for (o, c) in [(a, space), (b, ict)] {
        store::insert_membership(
            &mut tx,
            &Membership {
                id: Default::default(),
                organisation_id: o,
                cluster_id: c,
                start_date: None,
                end_date: None,
                inferred: true,
                note: "test".into(),
            },
            NOW,
        )
        .await?;
    }
    let p = store::insert_project(
        &mut tx,
        &ProjectDraft {
            external_id: Some("P1".into()),
            acronym: "SAT".into(),
            title: "Satellite software".into(),
            summary: String::new(),
            kind: ProjectKind::EuFunded,
            start_date: None,
            end_date: None,
            budget_eur: Some(1.5e6),
            programme: "H2020".into(),
            topic: String::new(),
        },
        ProjectStatus::Running,
        NOW,
    )
    .await?;
    store::upsert_partner(&mut tx, p, a, "coordinator").await?;
    store::upsert_partner(&mut tx, p, b, "participant").await?;
    let person = store::insert_person(
        &mut tx,
        a,
        &PersonDraft {
            name: "Test Person".into(),
            role_title: "CEO".into(),
            email: "t@example.org".into(),
            email_visibility: Visibility::OnAgreement,
            phone: String::new(),
            phone_visibility: Visibility::Members,
        },
        true,
        NOW,
    )
    .await?;
    tx.commit().await?;

    let mut c = s.conn().await?;
    // A duplicate external id is a conflict, not a crash and not a silent success.
    let dup = store::insert_org(&mut c, &org("1", "Again", OrgKind::Company, "LU"), NOW).await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{}: {dup:?}", db.label);

    let clusters = store::list_clusters(&mut c, TODAY).await?;
    let counts: Vec<_> = clusters.iter().map(|c| (c.cluster.slug.as_str(), c.members, c.projects)).collect();
    assert_eq!(counts, [("ict", 1, 1), ("space", 1, 1)], "{}", db.label);

    let got = store::get_org(&mut c, b).await?.unwrap();
    assert_eq!(
        (got.country.code(), got.display_name().as_str(), got.sme),
        ("GB", "Unnamed organisation (PIC 2)", None)
    );
    assert_eq!(store::get_org(&mut c, a).await?.unwrap().tags, ["space", "robotics"]);

    let mut f = OrgFilter { terms: vec!["sat".into()], today: TODAY.into(), limit: 10, ..Default::default() };
    let (hits, total) = store::search_orgs(&mut c, &f).await?;
    assert_eq!(total, 2);
    assert_eq!(hits[0].organisation.id, a, "higher weight first on {}", db.label);
    assert_eq!(hits[0].cluster_ids, [space]);
    assert_eq!(hits[0].projects, 1);
    f.terms.push("soft".into());
    assert_eq!(store::search_orgs(&mut c, &f).await?.1, 1);
    f.terms.clear();
    f.cluster_id = Some(space);
    let (hits, _) = store::search_orgs(&mut c, &f).await?;
    assert_eq!(hits.iter().map(|h| h.organisation.id).collect::<Vec<_>>(), [a]);
    let facets = store::search_facets(&mut c, &OrgFilter { today: TODAY.into(), ..Default::default() }).await?;
    assert_eq!(facets.kinds.len(), 2);
    assert_eq!(facets.clusters.len(), 2);

    let links = store::cluster_links(&mut c, space, TODAY).await?;
    assert_eq!(links.len(), 1);
    assert_eq!((links[0].slug.as_str(), links[0].shared_projects), ("ict", 1));
    let partners = store::org_partners(&mut c, a, 10).await?;
    assert_eq!(partners[0].organisation.id, b);
    assert_eq!(store::partners_of_project(&mut c, p).await?[0].1, "coordinator");
    assert_eq!(store::get_person(&mut c, person).await?.unwrap().email_visibility, Visibility::OnAgreement);

    // All or nothing: a failed transaction leaves no trace.
    let mut tx = s.begin().await?;
    store::insert_org(&mut tx, &org("3", "Ghost", OrgKind::Company, "FR"), NOW).await?;
    assert!(store::insert_org(&mut tx, &org("1", "Clash", OrgKind::Company, "FR"), NOW).await.is_err());
    tx.rollback().await?;
    assert!(store::get_org_by_external_id(&mut c, "3").await?.is_none());

    // A logical dump restores into an empty database with the same content.
    let dump = store::dump(&mut c).await?;
    drop(c);
    let target = if db.label == "sqlite" { TestDb::sqlite().await? } else { TestDb::postgres().await?.unwrap() };
    let mut tx = target.store.begin().await?;
    store::restore(&mut tx, target.store.backend(), &dump).await?;
    tx.commit().await?;
    let mut tc = target.store.conn().await?;
    assert_eq!(store::dump(&mut tc).await?, dump, "{}", db.label);
    // Identity sequences continue after the restored ids.
    let next = store::insert_org(&mut tc, &org("9", "After restore", OrgKind::Other, "DE"), NOW).await?;
    assert!(next > b);
    drop(tc);
    target.cleanup().await?;

    // Deleting an organisation cascades to its terms, partners and people.
    let mut c = s.conn().await?;
    assert!(store::delete_org(&mut c, a).await?);
    assert!(store::partners_of_project(&mut c, p).await?.iter().all(|(o, _)| o.id != a));
    assert!(store::get_person(&mut c, person).await?.is_none());
    Ok(())
}

async fn run(db: TestDb) {
    let label = db.label;
    story(&db).await.unwrap_or_else(|e| panic!("{label}: {e:?}"));
    db.cleanup().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_story_on_sqlite() {
    run(TestDb::sqlite().await.unwrap()).await;
}

/// Skips (saying so) only when `CLUSTERBRIDGE_TEST_PG` is unset outside CI.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn storage_story_on_postgres() {
    if let Some(db) = TestDb::postgres().await.unwrap() {
        run(db).await;
    }
}
