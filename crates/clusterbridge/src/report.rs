//! `clusterbridge analytics report --event SLUG --out FILE.html [--lang en|fr|de]`: the forum
//! report of an event as one self-contained HTML file (stylesheets inline, charts as inline
//! SVG), rendered by the same template as the page `/events/{slug}/report` (`web::report`),
//! with the command line's rights (the full report).

use anyhow::{anyhow, Result};
use app::App;
use domain::{Actor, Locale};
use std::path::Path;

pub(crate) async fn write(app: &App, actor: &Actor, event: &str, out: &Path, lang: Option<&str>) -> Result<()> {
    let locale = match lang {
        Some(l) => Locale::parse(l).ok_or_else(|| anyhow!("--lang: `{l}` is not one of en, fr, de"))?,
        None => Locale::default(),
    };
    let html = web::event_report_file(app, actor, event, locale).await?;
    std::fs::write(out, &html)?;
    out!("{}: the report of {event} ({} bytes)", out.display(), html.len());
    Ok(())
}
