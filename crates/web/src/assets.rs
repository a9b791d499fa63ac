//! Static files, compiled into the binary: no CDN, no files to deploy beside it.

use crate::AppState;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const STYLE: &str = include_str!("../static/style.css");
/// htmx 2 (npm `htmx.org@2`, Zero-Clause BSD), vendored.
const HTMX: &str = include_str!("../static/htmx.min.js");
/// Our own few lines: the organisation picker's live search.
const PICKER: &str = include_str!("../static/picker.js");
/// The network map's pan, zoom and live search (our own; the map works without it).
const NETWORK: &str = include_str!("../static/network.js");

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/static/style.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    STYLE,
                )
            }),
        )
        .route(
            "/static/report.css",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=3600"),
                    ],
                    crate::report::REPORT_CSS,
                )
            }),
        )
        .route(
            "/static/htmx.min.js",
            get(|| async {
                (
                    [
                        (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                        (header::CACHE_CONTROL, "public, max-age=86400"),
                    ],
                    HTMX,
                )
            }),
        )
        .route("/static/picker.js", get(|| async { script(PICKER) }))
        .route("/static/network.js", get(|| async { script(NETWORK) }))
        .route("/favicon.ico", get(|| async { axum::http::StatusCode::NO_CONTENT.into_response() }))
}

/// One of our own scripts, cached for an hour.
fn script(body: &'static str) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], body)
}
