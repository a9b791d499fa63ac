//! The only crate that knows HTTP, HTML and JSON: server-rendered pages, the JSON API under
//! `/api/v1` with its OpenAPI document, sign-in with sessions and API tokens, and the mapping of
//! `AppError` to status codes. Pages work without JavaScript; htmx (vendored) only makes the
//! directory search update as you type.
//!
//! One module per resource (`clusters`, `organisations`, `projects`, `partners`, `events`,
//! `accounts`, `admin`, `home`, `follow_ups`), each holding that resource's routes, page handlers and API
//! handlers side by side; no resource module uses another. What they share is apart: who is
//! asking (`auth`) and from which address (`client`), errors (`error`), strict query and form
//! reading (`extract`), the confirmation a page form leaves for the next page (`flash`), the API table's entry (`endpoint`) and its assembly with the OpenAPI
//! document (`api`), page layout (`views`), the JSON wire format (`wire`) and static files
//! (`assets`).

mod accounts;
mod admin;
mod analytics;
mod api;
mod assets;
mod auth;
mod client;
mod clusters;
mod endpoint;
mod error;
mod events;
mod extract;
mod flash;
mod follow_ups;
mod home;
mod i18n;
mod language;
mod organisations;
mod partners;
mod privacy;
mod projects;
mod recovery;
mod report;
mod signup;
mod users;
mod views;
mod wire;

use app::App;
use axum::extract::DefaultBodyLimit;
use axum::Router;
use std::future::Future;
use tokio::net::TcpListener;

/// Largest request body accepted (forms, JSON).
pub const BODY_LIMIT: usize = 1024 * 1024;

#[derive(Clone)]
pub struct AppState {
    pub app: App,
    pub options: Options,
}

/// The analytics' JSON and CSV writer, shared with the command line.
pub use analytics::export as analytics_export;
pub use client::parse_proxy_range;
pub use ipnet::IpNet;
pub use report::event_report_file;

/// How the HTTP surface is deployed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Mark cookies `Secure` (served over HTTPS, e.g. behind a TLS-terminating proxy).
    pub secure_cookies: bool,
    /// Proxies whose `X-Forwarded-For` names the client (`serve --trusted-proxy`); without
    /// them the socket's peer is the client, so behind a proxy every user would share one address.
    pub trusted_proxies: Vec<IpNet>,
}

/// The whole HTTP surface.
pub fn router(app: App, options: Options) -> Router {
    let state = AppState { app, options };
    Router::new()
        .merge(home::pages())
        .merge(clusters::pages())
        .merge(organisations::pages())
        .merge(projects::pages())
        .merge(partners::pages())
        .merge(events::pages())
        .merge(accounts::pages())
        .merge(admin::pages())
        .merge(language::pages())
        .merge(recovery::pages())
        .merge(signup::pages())
        .merge(users::pages())
        .merge(privacy::pages())
        .merge(analytics::pages())
        .merge(follow_ups::pages())
        .merge(report::pages())
        .route("/api", axum::routing::get(api::doc_page))
        .nest("/api/v1", api::routes())
        .merge(assets::routes())
        .fallback(error::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), error::error_nav))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(state.clone(), flash::clear_after_page))
        .layer(axum::middleware::from_fn(error::security_headers))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

/// Serves until `shutdown` completes (mini-redis style: the caller binds the listener).
pub async fn serve(
    app: App,
    options: Options,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let router = router(app, options);
    axum::serve(listener, router.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}
