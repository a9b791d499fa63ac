//! Benchmarks that print figures (not timed tests).

use anyhow::{bail, Result};

pub fn run(args: &[String]) -> Result<()> {
    match args.first().map(String::as_str) {
        Some(other) => bail!("unknown benchmark `{other}`"),
        None => bail!("usage: cargo xtask bench registry [--data DIR]"),
    }
}
