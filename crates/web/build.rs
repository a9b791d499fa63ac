//! Joins each language's catalogue files (`locales/LANG/*.ftl`, in name order) into one source
//! that `src/i18n.rs` compiles into the binary. One file per area keeps parallel work on
//! different pages from editing the same file; a key defined in two files is caught by the
//! catalogue test like any other duplicate.

use std::{env, fs, path::Path};

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=locales");
    for lang in ["en", "fr", "de"] {
        let dir = Path::new("locales").join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.expect("a readable catalogue directory").path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        let mut joined = String::new();
        for f in &files {
            println!("cargo:rerun-if-changed={}", f.display());
            let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
            joined.push_str(&text);
            if !joined.ends_with('\n') {
                joined.push('\n');
            }
        }
        fs::write(Path::new(&out).join(format!("{lang}.ftl")), joined).expect("OUT_DIR is writable");
    }
}
