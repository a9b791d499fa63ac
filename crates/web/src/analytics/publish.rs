//! Publishing the dashboards: an admin's form on the initiative's and on each cluster's
//! dashboard (`POST /analytics/publish`, CSRF-checked, answered with a redirect back and a flash
//! message), and the line that tells readers to whom the figures are published. The rule of who
//! may then see what, and the withholding of small meeting counts, is the app's
//! (`app::analytics`, `docs/kpis.md`).

use crate::auth::Viewer;
use crate::error::PageResult;
use crate::extract::StrictForm;
use crate::flash::{redirect, Message};
use crate::i18n::Tr;
use crate::AppState;
use axum::extract::State;
use domain::Audience;
use serde::Deserialize;

#[derive(Deserialize)]
pub(super) struct PublishForm {
    /// "initiative" or a cluster's slug.
    scope: Option<String>,
    /// "members", "public", or empty to unpublish.
    audience: Option<String>,
}

/// The publishing form as a dashboard shows it to an admin.
pub(crate) struct Publishing {
    pub(crate) scope: String,
    /// The current audience's value ("" when not published).
    pub(crate) current: &'static str,
    /// (value, label) of each choice; the public only for the initiative.
    pub(crate) choices: Vec<(&'static str, String)>,
}

/// What a dashboard says about publication: the admin's form, or the note for readers.
pub(super) fn publishing(
    tr: Tr,
    admin: bool,
    cluster: Option<&str>,
    audience: Option<Audience>,
) -> (Option<Publishing>, Option<String>) {
    let note = audience.map(|a| match a {
        Audience::Members => tr.t("publish-note-members"),
        Audience::Public => tr.t("publish-note-public"),
    });
    if !admin {
        return (None, note);
    }
    let mut choices =
        vec![("", tr.t("publish-not-published")), (Audience::Members.as_str(), tr.t("publish-to-members"))];
    if cluster.is_none() {
        choices.push((Audience::Public.as_str(), tr.t("publish-to-public")));
    }
    let form = Publishing {
        scope: cluster.unwrap_or("initiative").to_string(),
        current: audience.map_or("", Audience::as_str),
        choices,
    };
    (Some(form), note)
}

pub(super) async fn publish(State(s): State<AppState>, v: Viewer, form: StrictForm<PublishForm>) -> PageResult {
    v.check_form(form.csrf.as_deref())?;
    let scope = form.value.scope.unwrap_or_default();
    let cluster = (scope != "initiative").then_some(scope.as_str());
    s.app.publish_analytics(&v.actor, cluster, form.value.audience.as_deref()).await?;
    let back = match cluster {
        None => "/analytics".to_string(),
        Some(slug) => format!("/clusters/{slug}/analytics"),
    };
    Ok(redirect(&s, &back, Message::AnalyticsPublished))
}
