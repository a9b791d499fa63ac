//! The CORDIS readers: the import's (`app::cordis::CordisData`) and the matcher's
//! (`matching::load`), on three files cut from one input at NUL bytes (organisations, projects,
//! participation). A file that does not read is an error with its name, never a panic; a set
//! that reads imports on a small database without an internal error (a row that breaks a
//! database rule would be one), and importing it again changes nothing (the import is
//! idempotent).
#![no_main]

use app::cordis::CordisData;
use app::AppError;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

thread_local! {
    /// The database, and how many inputs it has seen.
    static DB: RefCell<Option<(clusterbridge_fuzz::Db, u32)>> = const { RefCell::new(None) };
}

fuzz_target!(|data: &[u8]| {
    let mut parts = data.splitn(3, |b| *b == 0);
    let (orgs, projects, participation) =
        (parts.next().unwrap_or(b""), parts.next().unwrap_or(b""), parts.next().unwrap_or(b""));
    if let (Ok(o), Ok(p), Ok(pa)) =
        (std::str::from_utf8(orgs), std::str::from_utf8(projects), std::str::from_utf8(participation))
    {
        let _ = matching::load::parse_participation_roles(pa);
        if let Ok(corpus) = matching::load::build_corpus(p, o, pa) {
            let cutoff = matching::Date::parse("2023-01-01").expect("a date");
            let engine = matching::Engine::build(&corpus, cutoff, matching::Params::default());
            let _ = engine.rank("satellite software hydrogen", &matching::Filters::default(), 5);
        }
    }
    let cordis = match CordisData::from_bytes(orgs, projects, participation) {
        Ok(d) => d,
        Err(AppError::BadRequest(m)) => {
            assert!(m.contains(".csv:"), "the error names the file: {m}");
            return;
        }
        Err(e) => panic!("reading is not a user error: {e:?}"),
    };
    let admin = domain::Actor::system();
    clusterbridge_fuzz::runtime().block_on(async {
        // One database for many inputs: a second import must change nothing whatever came
        // before; a fresh one every 500 inputs keeps it small.
        let (db, n) = match DB.with(|d| d.borrow_mut().take()) {
            Some((db, n)) if n < 500 => (db, n + 1),
            _ => (clusterbridge_fuzz::fresh_app().await, 0),
        };
        match db.app.import_cordis(&admin, &cordis, &|_, _| {}).await {
            Ok(first) => {
                let again = db.app.import_cordis(&admin, &cordis, &|_, _| {}).await.expect("the same import again");
                let changed = |r: &app::cordis::CordisReport| {
                    [r.organisations_created, r.projects_created, r.partners_created]
                        .into_iter()
                        .chain([r.organisations_updated, r.projects_updated, r.partners_updated])
                        .collect::<Vec<_>>()
                };
                assert_eq!(changed(&again), [0; 6], "a second import changed rows; first: {first:?}");
            }
            Err(AppError::Internal(e)) => panic!("internal error importing CORDIS rows: {e:?}"),
            Err(_) => {}
        }
        DB.with(|d| *d.borrow_mut() = Some((db, n)));
    });
});
