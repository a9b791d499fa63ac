//! Finds the system tools the tests need, installing the Debian packages when we are root.

use anyhow::{bail, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

pub(crate) struct Tools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

const PACKAGES: &[&str] = &["postgresql", "chromium", "chromium-driver"];

fn which(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// The directory holding `initdb` and `pg_ctl` (Debian keeps them out of PATH).
pub(crate) fn pg_bin_dir() -> Option<PathBuf> {
    if let Some(p) = which("initdb") {
        // Follow a symlink such as /usr/local/bin/initdb to the folder with psql and pg_ctl.
        let real = std::fs::canonicalize(&p).unwrap_or(p);
        return real.parent().map(Path::to_path_buf);
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|d| d.join("initdb").is_file())
        .collect();
    dirs.sort();
    dirs.pop()
}

fn chromium() -> Option<PathBuf> {
    which("chromium").or_else(|| which("chromium-browser")).or_else(|| which("google-chrome"))
}

pub(crate) fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

pub(crate) fn ensure() -> Result<Tools> {
    let missing = pg_bin_dir().is_none() || chromium().is_none() || which("chromedriver").is_none();
    if missing {
        if !is_root() {
            bail!(
                "PostgreSQL, Chromium or chromedriver is missing. Install them with:\n  sudo apt-get update && sudo apt-get install -y {}",
                PACKAGES.join(" ")
            );
        }
        crate::run(Command::new("apt-get").arg("update").arg("-qq"))?;
        crate::run(
            Command::new("apt-get")
                .args(["install", "-y", "-qq", "--no-install-recommends"])
                .args(PACKAGES)
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
    }
    match (chromium(), which("chromedriver"), pg_bin_dir()) {
        (Some(chromium), Some(chromedriver), Some(_)) => Ok(Tools { chromium, chromedriver }),
        _ => bail!("PostgreSQL, Chromium or chromedriver is still missing after installing {}", PACKAGES.join(" ")),
    }
}
