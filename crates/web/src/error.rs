//! One table from `AppError` to HTTP: stable codes for the API, a friendly page for browsers.
//! Internal errors are logged with their cause and answered with a bare 500. An error page is
//! built without the request, so `error_nav` draws it again with the visitor's own header.

use crate::views::ErrorPage;
use app::AppError;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// What an API handler answers.
pub(crate) type ApiResult = Result<Response, ApiError>;
/// What a page handler answers.
pub(crate) type PageResult = Result<Response, PageError>;

pub(crate) fn status_and_code(e: &AppError) -> (StatusCode, &'static str) {
    match e {
        AppError::Validation(_) => (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed"),
        AppError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
        AppError::Unauthenticated => (StatusCode::UNAUTHORIZED, "unauthenticated"),
        AppError::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        AppError::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
        AppError::TooManyRequests(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
        AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
        AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    }
}

fn log_internal(e: &AppError) {
    if let AppError::Internal(inner) = e {
        tracing::error!(error = ?inner, "internal error");
    }
}

/// An error answered as JSON (API).
pub(crate) struct ApiError(pub(crate) AppError);

impl From<AppError> for ApiError {
    fn from(e: AppError) -> ApiError {
        ApiError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        log_internal(&self.0);
        let (status, code) = status_and_code(&self.0);
        let fields: Vec<_> = match &self.0 {
            AppError::Validation(fs) => fs.iter().map(|f| json!({"field": f.field, "message": f.message})).collect(),
            _ => Vec::new(),
        };
        let body = json!({"error": {"code": code, "message": self.0.to_string(), "fields": fields}});
        let mut resp = (status, axum::Json(body)).into_response();
        retry_after(&self.0, &mut resp);
        resp
    }
}

/// Every 429 says when to try again (`Retry-After`, in seconds), page or API.
pub(crate) fn retry_after(e: &AppError, resp: &mut Response) {
    if let AppError::TooManyRequests(s) = e {
        if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
            resp.headers_mut().insert(header::RETRY_AFTER, v);
        }
    }
}

/// An error answered as an HTML page (browsers).
pub(crate) struct PageError(pub(crate) AppError);

impl From<AppError> for PageError {
    fn from(e: AppError) -> PageError {
        PageError(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        log_internal(&self.0);
        let (status, _) = status_and_code(&self.0);
        let message_key = match &self.0 {
            AppError::Unauthenticated => Some("error-sign-in-first"),
            AppError::Forbidden => Some("error-forbidden"),
            AppError::Internal(_) => Some("error-internal"),
            _ => None,
        };
        let message = match message_key {
            Some(key) => crate::i18n::Tr::default().t(key),
            None => self.0.to_string(),
        };
        let mut page = ErrorPage::new(status.as_u16(), status.canonical_reason().unwrap_or("Error"), &message);
        page.message_key = message_key;
        let mut resp = (status, crate::views::render(&page)).into_response();
        retry_after(&self.0, &mut resp);
        resp.extensions_mut().insert(page);
        resp
    }
}

pub(crate) async fn not_found(req: Request) -> Response {
    let e = AppError::NotFound(format!("page {}", req.uri().path()));
    if req.uri().path().starts_with("/api/") {
        ApiError(e).into_response()
    } else {
        PageError(e).into_response()
    }
}

/// An error page (403, 404, …) shows the header of whoever is signed in: the page travels on the
/// response as an extension, and is drawn again here, where the request's session is known.
pub(crate) async fn error_nav(
    axum::extract::State(s): axum::extract::State<crate::AppState>,
    req: Request,
    next: Next,
) -> Response {
    let headers = req.headers().clone();
    let mut resp = next.run(req).await;
    let Some(mut page) = resp.extensions_mut().remove::<ErrorPage>() else { return resp };
    let (mut parts, ()) = Request::new(()).into_parts();
    parts.headers = headers;
    let viewer =
        <crate::auth::Viewer as axum::extract::FromRequestParts<crate::AppState>>::from_request_parts(&mut parts, &s)
            .await;
    if let Ok(v) = viewer {
        page = page.for_reader(crate::views::nav(&v));
        resp.headers_mut().remove(header::CONTENT_LENGTH);
        *resp.body_mut() = axum::body::Body::from(crate::views::render(&page).0);
    }
    resp
}

/// Headers every answer carries: no framing, no sniffing, scripts and styles from us only; and
/// `server-timing` with the time the app spent, which the load benchmark reads.
pub(crate) async fn security_headers(req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let mut resp = next.run(req).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("app;dur={ms:.3}")) {
        resp.headers_mut().insert("server-timing", v);
    }
    let h = resp.headers_mut();
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    h.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    h.insert(
        "content-security-policy",
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
        ),
    );
    resp
}
