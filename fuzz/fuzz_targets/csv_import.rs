//! Our CSV import (`App::import_csv`) on a small SQLite registry. The first byte picks the kind
//! of file (organisations, memberships, people, projects, partners), the rest is the file. Any
//! bytes give a report, never a panic nor an internal error; a dry run changes nothing and finds
//! the same errors as the real run; a file with errors writes nothing (the database, read from
//! outside, is unchanged); a file without errors imports, and importing it again changes
//! nothing.
#![no_main]

use app::import::CsvKind;
use app::AppError;
use libfuzzer_sys::fuzz_target;
use std::cell::RefCell;

const KINDS: [&str; 5] = ["organisations", "memberships", "people", "projects", "partners"];

thread_local! {
    /// The database, with its fingerprint; replaced after an import that wrote.
    static DB: RefCell<Option<(clusterbridge_fuzz::Db, String)>> = const { RefCell::new(None) };
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, file)) = data.split_first() else { return };
    let kind = CsvKind::parse(KINDS[first as usize % KINDS.len()]).expect("a kind");
    let admin = domain::Actor::system();
    clusterbridge_fuzz::runtime().block_on(async {
        let (db, before) = match DB.with(|d| d.borrow_mut().take()) {
            Some(x) => x,
            None => {
                let db = clusterbridge_fuzz::fresh_app().await;
                let fp = db.fingerprint().await;
                (db, fp)
            }
        };
        let import = |dry_run| db.app.import_csv(&admin, kind, "fuzz.csv", file, dry_run, &|_, _| {});
        let dry = match import(true).await {
            Ok(r) => r,
            Err(AppError::Internal(e)) => panic!("internal error on a dry run: {e:?}"),
            Err(e) => panic!("an admin's import answers with a report, not {e:?}"),
        };
        assert_eq!(db.fingerprint().await, before, "a dry run wrote: {dry:?}");
        let real = match import(false).await {
            Ok(r) => r,
            Err(e) => panic!("the dry run gave a report, the real run {e:?}"),
        };
        assert_eq!(dry.errors, real.errors, "a dry run finds what the real run finds");
        if !real.errors.is_empty() {
            assert_eq!((real.created, real.updated, real.unchanged), (0, 0, 0), "{real:?}");
            assert_eq!(db.fingerprint().await, before, "a file with errors wrote: {real:?}");
            DB.with(|d| *d.borrow_mut() = Some((db, before)));
            return;
        }
        let again = import(false).await.expect("the same file again");
        assert!(again.errors.is_empty(), "first {real:?}, again {again:?}");
        assert_eq!((again.created, again.updated), (0, 0), "a second import changed rows: {again:?}");
        // The next input starts from the small registry again.
        drop(db);
    });
});
