//! People (contacts of organisations) and contact requests, whose acceptance reveals
//! `on_agreement` fields.

use crate::{flag, parsed, Conn, Result};
use domain::{
    ContactRequest, ContactRequestId, ContactStatus, OrganisationId, Person, PersonDraft, PersonId, UserId, Visibility,
};
use sqlx::any::AnyRow;
use sqlx::Row;

const PERSON_COLS: &str =
    "id, organisation_id, name, role_title, email, email_visibility, phone, phone_visibility, fictional, user_id";

fn person(r: &AnyRow) -> Result<Person> {
    let vis = |s: String| Visibility::parse(&s).unwrap_or(Visibility::Managers);
    Ok(Person {
        id: PersonId::new(r.try_get("id")?),
        organisation_id: OrganisationId::new(r.try_get("organisation_id")?),
        name: r.try_get("name")?,
        role_title: r.try_get("role_title")?,
        email: r.try_get("email")?,
        email_visibility: vis(r.try_get("email_visibility")?),
        phone: r.try_get("phone")?,
        phone_visibility: vis(r.try_get("phone_visibility")?),
        fictional: flag(r.try_get("fictional")?),
        user_id: r.try_get::<Option<i64>, _>("user_id")?.map(UserId::new),
    })
}

pub async fn insert_person(
    conn: &mut Conn,
    org_id: OrganisationId,
    d: &PersonDraft,
    fictional: bool,
    now: &str,
) -> Result<PersonId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO people (organisation_id, name, role_title, email, email_visibility, phone, phone_visibility,
            fictional, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(org_id.get())
    .bind(d.name.clone())
    .bind(d.role_title.clone())
    .bind(d.email.clone())
    .bind(d.email_visibility.as_str())
    .bind(d.phone.clone())
    .bind(d.phone_visibility.as_str())
    .bind(fictional as i64)
    .bind(now.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(PersonId::new(id))
}

pub async fn update_person(conn: &mut Conn, id: PersonId, d: &PersonDraft, now: &str) -> Result<bool> {
    let n = sqlx::query(
        "UPDATE people SET name = $1, role_title = $2, email = $3, email_visibility = $4, phone = $5,
            phone_visibility = $6, updated_at = $7 WHERE id = $8",
    )
    .bind(d.name.clone())
    .bind(d.role_title.clone())
    .bind(d.email.clone())
    .bind(d.email_visibility.as_str())
    .bind(d.phone.clone())
    .bind(d.phone_visibility.as_str())
    .bind(now.to_string())
    .bind(id.get())
    .execute(&mut *conn)
    .await?
    .rows_affected();
    Ok(n == 1)
}

pub async fn delete_person(conn: &mut Conn, id: PersonId) -> Result<bool> {
    let n = sqlx::query("DELETE FROM people WHERE id = $1").bind(id.get()).execute(&mut *conn).await?.rows_affected();
    Ok(n == 1)
}

pub async fn get_person(conn: &mut Conn, id: PersonId) -> Result<Option<Person>> {
    let row = sqlx::query(&format!("SELECT {PERSON_COLS} FROM people WHERE id = $1"))
        .bind(id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.as_ref().map(person).transpose()
}

pub async fn people_of_org(conn: &mut Conn, org_id: OrganisationId) -> Result<Vec<Person>> {
    let rows = sqlx::query(&format!("SELECT {PERSON_COLS} FROM people WHERE organisation_id = $1 ORDER BY name, id"))
        .bind(org_id.get())
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(person).collect()
}

pub async fn insert_contact_request(
    conn: &mut Conn,
    from_user: UserId,
    person_id: PersonId,
    message: &str,
    now: &str,
) -> Result<ContactRequestId> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO contact_requests (from_user_id, person_id, message, status, created_at)
         VALUES ($1, $2, $3, 'pending', $4) RETURNING id",
    )
    .bind(from_user.get())
    .bind(person_id.get())
    .bind(message.to_string())
    .bind(now.to_string())
    .fetch_one(&mut *conn)
    .await?;
    Ok(ContactRequestId::new(id))
}

const REQUEST_COLS: &str =
    "r.id, r.from_user_id, u.email AS from_email, r.person_id, r.message, r.status, r.created_at";

fn contact_request(r: &AnyRow) -> Result<ContactRequest> {
    Ok(ContactRequest {
        id: ContactRequestId::new(r.try_get("id")?),
        from_user_id: UserId::new(r.try_get("from_user_id")?),
        from_email: r.try_get("from_email")?,
        person_id: PersonId::new(r.try_get("person_id")?),
        message: r.try_get("message")?,
        status: parsed(r.try_get("status")?, ContactStatus::parse)?,
        created_at: r.try_get("created_at")?,
    })
}

pub async fn get_contact_request(conn: &mut Conn, id: ContactRequestId) -> Result<Option<ContactRequest>> {
    let row = sqlx::query(&format!(
        "SELECT {REQUEST_COLS} FROM contact_requests r JOIN users u ON u.id = r.from_user_id WHERE r.id = $1"
    ))
    .bind(id.get())
    .fetch_optional(&mut *conn)
    .await?;
    row.as_ref().map(contact_request).transpose()
}

/// Requests addressed to the people an account stands for: its own person, or any person of the
/// organisation it represents. Returns each request with the person's name.
pub async fn contact_requests_for(
    conn: &mut Conn,
    user_id: UserId,
    org_id: Option<OrganisationId>,
) -> Result<Vec<(ContactRequest, String)>> {
    let rows = sqlx::query(&format!(
        "SELECT {REQUEST_COLS}, p.name AS person_name FROM contact_requests r JOIN users u ON u.id = r.from_user_id
         JOIN people p ON p.id = r.person_id WHERE p.user_id = $1 OR p.organisation_id = $2 ORDER BY r.id DESC"
    ))
    .bind(user_id.get())
    .bind(org_id.map_or(-1, OrganisationId::get))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(|r| Ok((contact_request(r)?, r.try_get("person_name")?))).collect()
}

pub async fn count_inferred_memberships(conn: &mut Conn) -> Result<i64> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM memberships WHERE inferred = 1").fetch_one(&mut *conn).await?)
}

pub async fn answer_contact_request(
    conn: &mut Conn,
    id: ContactRequestId,
    status: ContactStatus,
    now: &str,
) -> Result<bool> {
    let n =
        sqlx::query("UPDATE contact_requests SET status = $1, answered_at = $2 WHERE id = $3 AND status = 'pending'")
            .bind(status.as_str().to_string())
            .bind(now.to_string())
            .bind(id.get())
            .execute(&mut *conn)
            .await?
            .rows_affected();
    Ok(n == 1)
}
