//! What every page shares: rendering askama templates (auto-escaped), the navigation bar, the
//! generic form page, and the rows that several resources list (projects, partners). Each
//! resource keeps its own view models beside its handlers; templates only loop and print.

use crate::auth::Viewer;
use crate::i18n::Tr;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use domain::FieldError;

/// Renders a template; a rendering failure is our bug, logged and shown as a bare message.
pub(crate) fn render<T: Template>(t: &T) -> Html<String> {
    match t.render() {
        Ok(s) => Html(s),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            Html("<!doctype html><title>Error</title><p>Internal error.</p>".into())
        }
    }
}

/// What the navigation bar needs to know about the visitor.
#[derive(Debug, Clone, Default)]
pub(crate) struct Nav {
    pub(crate) signed_in: bool,
    pub(crate) email: String,
    pub(crate) role: String,
    pub(crate) csrf: String,
    pub(crate) is_admin: bool,
    /// A page form's confirmation, shown once at the top of the page (`flash`).
    pub(crate) flash: Option<String>,
    /// The page's language: every sentence of a template goes through it.
    pub(crate) tr: Tr,
    /// This page's path and query, where the language switcher comes back to.
    pub(crate) here: String,
}

impl Nav {
    /// The message `key` in the page's language (templates: `{{ nav.t("key") }}`).
    pub(crate) fn t(&self, key: &str) -> String {
        self.tr.t(key)
    }

    /// A form field's label or help: a catalogue key, translated; text that is no key (a form
    /// not yet translated) is shown as it is.
    pub(crate) fn label(&self, key_or_text: &str) -> String {
        self.tr.known_or_as_is("", key_or_text)
    }

    /// The page's language code, for `<html lang>`.
    pub(crate) fn lang(&self) -> &'static str {
        self.tr.0.as_str()
    }

    /// The signed-in account's role, in the page's language.
    pub(crate) fn role_label(&self) -> String {
        if self.role.is_empty() {
            String::new()
        } else {
            self.tr.t(&format!("role-{}", self.role))
        }
    }

    /// [`Nav::here`] as a query-string value.
    pub(crate) fn here_encoded(&self) -> String {
        self.here
            .bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    /// The languages the switcher offers: code, name in itself, whether it is the page's.
    pub(crate) fn languages(&self) -> Vec<(&'static str, &'static str, bool)> {
        domain::Locale::ALL.iter().map(|l| (l.as_str(), l.native_name(), *l == self.tr.0)).collect()
    }
}

pub(crate) fn nav(v: &Viewer) -> Nav {
    Nav {
        signed_in: v.actor.is_signed_in(),
        email: v.actor.email.clone(),
        role: v.actor.role.map(|r| r.as_str().to_string()).unwrap_or_default(),
        csrf: v.csrf.clone().unwrap_or_default(),
        is_admin: v.actor.is_admin(),
        flash: v.flash.clone(),
        tr: v.tr,
        here: v.here.clone(),
    }
}

#[derive(Template, Clone)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub(crate) nav: Nav,
    pub(crate) code: u16,
    pub(crate) title: String,
    pub(crate) message: String,
    /// The catalogue key of a message that is the same for every such error (sign in first,
    /// not allowed, our fault), so that it is written in the reader's language.
    pub(crate) message_key: Option<&'static str>,
}

impl ErrorPage {
    pub(crate) fn new(code: u16, title: &str, message: &str) -> ErrorPage {
        ErrorPage { nav: Nav::default(), code, title: title.into(), message: message.into(), message_key: None }
    }

    /// The page for `nav`'s reader: the status's name and the fixed messages in their language.
    pub(crate) fn for_reader(mut self, nav: Nav) -> ErrorPage {
        let title_key = format!("error-title-{}", self.code);
        let title = nav.t(&title_key);
        if title != title_key {
            self.title = title;
        }
        if let Some(key) = self.message_key {
            self.message = nav.t(key);
        }
        self.nav = nav;
        self
    }
}

/// One field of the generic form: `label` and `help` are catalogue keys (`field-…`), `options`
/// are already in the page's language.
pub(crate) struct FormField {
    pub(crate) name: &'static str,
    pub(crate) label: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) value: String,
    pub(crate) help: &'static str,
    pub(crate) options: Vec<(String, String)>,
    pub(crate) error: Option<String>,
}

#[derive(Template)]
#[template(path = "form.html")]
pub(crate) struct FormView {
    pub(crate) nav: Nav,
    pub(crate) heading: String,
    pub(crate) action: String,
    pub(crate) cancel: String,
    pub(crate) fields: Vec<FormField>,
    pub(crate) errors: Vec<(String, String)>,
}

/// The generic form page: 200 when fresh, 422 with a message beside each field otherwise.
pub(crate) fn form_page(
    v: &Viewer,
    heading: String,
    action: String,
    cancel: String,
    fields: Vec<FormField>,
    errors: &[FieldError],
) -> Response {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let view = FormView {
        nav: nav(v),
        heading,
        action,
        cancel,
        fields,
        errors: errors.iter().map(|e| (e.field.clone(), e.message.clone())).collect(),
    };
    (status, render(&view)).into_response()
}

/// `base?k=v&…` with the empty values left out.
/// `back` when it is a path on this site; `None` for anything that could leave it (`//host`,
/// `/\host`, a scheme, control characters): where a form or the language switcher may return.
pub(crate) fn local_path(back: &str) -> Option<&str> {
    let ok = back.starts_with('/')
        && !back.starts_with("//")
        && !back.contains("://")
        && !back.chars().any(|c| c.is_control() || c == '\\');
    ok.then_some(back)
}

pub(crate) fn url_with(base: &str, params: &[(&str, String)]) -> String {
    let kept: Vec<(&str, &str)> = params.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| (*k, v.as_str())).collect();
    if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", serde_urlencoded::to_string(&kept).unwrap_or_default())
    }
}

pub(crate) fn date_text(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default()
}

/// A project in a list: on a cluster's page, an organisation's page, the project list.
pub(crate) struct ProjectRow {
    pub(crate) id: i64,
    pub(crate) title: String,
    pub(crate) kind: String,
    pub(crate) programme: String,
    pub(crate) start: String,
    pub(crate) status: String,
    pub(crate) role: String,
}

pub(crate) fn project_row(p: &domain::Project, role: &str) -> ProjectRow {
    ProjectRow {
        id: p.id.get(),
        title: p.display_title(),
        kind: p.kind.as_str().replace('_', "-"),
        programme: p.programme.clone(),
        start: date_text(p.start_date),
        status: p.status.as_str().into(),
        role: role.replace('_', " "),
    }
}

/// An organisation beside another: a project's partners, an organisation's frequent partners.
pub(crate) struct PartnerRow {
    pub(crate) id: i64,
    pub(crate) name: String,
    pub(crate) country: String,
    pub(crate) kind: String,
    pub(crate) role: String,
    pub(crate) shared: i64,
}
