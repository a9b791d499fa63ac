//! The query strings of find partners and the directory, on the API and on the pages, through
//! the real router over a small registry: the strict decoders (`web::extract`) and the filters
//! the app reads from them. The first byte picks the path, the rest is the query string (bytes
//! outside the URI grammar percent-encoded, so that every byte reaches the decoder). Any query
//! is answered 200 or a 4xx naming what is wrong, never a 5xx nor a panic.
#![no_main]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use tower::ServiceExt;

const PATHS: [&str; 6] =
    ["/api/v1/partners", "/api/v1/organisations", "/partners", "/organisations", "/api/v1/consortium", "/projects"];

fn router() -> &'static axum::Router {
    static ROUTER: OnceLock<axum::Router> = OnceLock::new();
    ROUTER.get_or_init(|| {
        let db = clusterbridge_fuzz::runtime().block_on(clusterbridge_fuzz::fresh_app());
        web::router(db.app, web::Options::default())
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, query)) = data.split_first() else { return };
    let path = PATHS[first as usize % PATHS.len()];
    let uri = format!("{path}?{}", clusterbridge_fuzz::query_string(query));
    let Ok(request) = Request::get(uri.as_str()).body(Body::empty()) else { return };
    let response =
        clusterbridge_fuzz::runtime().block_on(router().clone().oneshot(request)).expect("the router answers");
    let status = response.status();
    assert!(status == StatusCode::OK || status.is_client_error(), "{uri} answered {status}");
});
