//! Query strings and form bodies, decoded strictly and read into serde-derived structs. A value
//! that is not UTF-8 once percent-decoded is refused with its name (axum's `Query` and `Form`
//! would replace the bytes silently); then the name=value pairs become the handler's struct, whose
//! fields are text (`Option<String>`, or `Vec<String>` for a repeated name): the app validates
//! the text, so its messages name the field. Names the struct does not know are kept, so that
//! each endpoint decides whether and when to refuse them, as it did before these extractors.

use crate::error::{ApiError, PageError};
use app::AppError;
use axum::extract::{FromRequest, FromRequestParts, RawForm, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use domain::FieldError;
use serde::de::value::{Error as DeError, MapDeserializer, SeqDeserializer};
use serde::de::{DeserializeOwned, Deserializer, IntoDeserializer, Visitor};
use std::cell::Cell;

/// Name=value pairs in the order sent.
pub(crate) type Pairs = Vec<(String, String)>;

fn percent_decode(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < raw.len() => match (hex(raw[i + 1]), hex(raw[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    out
}

/// Splits `a=1&b=2` into decoded pairs; every value that is not UTF-8 is named at once.
pub(crate) fn strict_pairs(raw: &[u8]) -> Result<Pairs, AppError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for pair in raw.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (k, v) = match pair.iter().position(|b| *b == b'=') {
            Some(i) => (&pair[..i], &pair[i + 1..]),
            None => (pair, &[][..]),
        };
        match (String::from_utf8(percent_decode(k)), String::from_utf8(percent_decode(v))) {
            (Ok(k), Ok(v)) => out.push((k, v)),
            (Ok(k), Err(_)) => errors.push(FieldError::new(k, "is not valid UTF-8 text")),
            (Err(_), _) => errors.push(FieldError::new("query", "a parameter name is not valid UTF-8 text")),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// Pairs read into `T`, with the names `T` does not know.
pub(crate) struct Decoded<T> {
    pub(crate) value: T,
    /// Names `T` does not know, in the order sent (repeats included).
    pub(crate) unknown: Vec<String>,
    /// The names `T` knows, in its declaration order (for messages).
    known: &'static [&'static str],
}

impl<T: DeserializeOwned> Decoded<T> {
    pub(crate) fn read(pairs: &[(String, String)]) -> Result<Decoded<T>, AppError> {
        let known = Cell::new(&[][..]);
        let value = T::deserialize(PairsDeserializer { pairs, known: &known })
            .map_err(|e| AppError::field("query", e.to_string()))?;
        let known = known.get();
        let unknown = pairs.iter().filter(|(k, _)| !known.contains(&k.as_str())).map(|(k, _)| k.clone()).collect();
        Ok(Decoded { value, unknown, known })
    }
}

impl<T> Decoded<T> {
    /// The value, or every unknown parameter named with the ones allowed (the API's wording).
    pub(crate) fn known_only(self) -> Result<T, AppError> {
        if self.unknown.is_empty() {
            return Ok(self.value);
        }
        let allowed = self.known.join(", ");
        let errors = self
            .unknown
            .into_iter()
            .map(|k| FieldError::new(k, format!("unknown parameter (allowed: {allowed})")))
            .collect();
        Err(AppError::Validation(errors))
    }

    /// The unknown names as a page lists them above its results.
    pub(crate) fn unknown_filters(&self) -> Vec<String> {
        self.unknown.iter().map(|k| format!("{k}: unknown filter")).collect()
    }
}

/// The API's query string: invalid UTF-8 is answered as JSON (422) before the handler runs.
pub(crate) struct StrictQuery<T>(pub(crate) Decoded<T>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for StrictQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<StrictQuery<T>, ApiError> {
        let pairs = strict_pairs(parts.uri.query().unwrap_or("").as_bytes())?;
        Ok(StrictQuery(Decoded::read(&pairs)?))
    }
}

/// A page's query string: invalid UTF-8 is answered with the error page (422).
pub(crate) struct PageQuery<T>(pub(crate) Decoded<T>);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for PageQuery<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<PageQuery<T>, PageError> {
        let pairs = strict_pairs(parts.uri.query().unwrap_or("").as_bytes())?;
        Ok(PageQuery(Decoded::read(&pairs)?))
    }
}

/// A posted form (`application/x-www-form-urlencoded`, as axum's `Form` requires), with its
/// CSRF token apart: every form carries one, and the handler checks it before anything else.
pub(crate) struct StrictForm<T> {
    pub(crate) csrf: Option<String>,
    pub(crate) value: T,
    /// Every pair as sent, for a form whose field names are data (`tables_<slot>`).
    pub(crate) pairs: Pairs,
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for StrictForm<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<StrictForm<T>, Response> {
        let RawForm(bytes) = RawForm::from_request(req, state).await.map_err(IntoResponse::into_response)?;
        let read = || -> Result<StrictForm<T>, AppError> {
            let pairs = strict_pairs(&bytes)?;
            let csrf = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.clone());
            let value = Decoded::read(&pairs)?.value;
            Ok(StrictForm { csrf, value, pairs })
        };
        read().map_err(|e| PageError(e).into_response())
    }
}

/// A form with nothing but its CSRF token (a button).
#[derive(serde::Deserialize)]
pub(crate) struct NoFields {}

/// The id in a path (`/organisations/12`); anything else is not found, like an id that is absent.
pub(crate) fn path_id<T: std::str::FromStr>(raw: &str, what: &str) -> Result<T, AppError> {
    raw.parse().map_err(|_| AppError::NotFound(format!("{what} {raw}")))
}

/// Feeds pairs to a derived `Deserialize`: a struct sees each of its fields with every value
/// sent under that name (the first for a text field, all for a list), and tells us its field
/// names, which is how unknown names are found without a second list to keep in step.
struct PairsDeserializer<'a> {
    pairs: &'a [(String, String)],
    known: &'a Cell<&'static [&'static str]>,
}

impl PairsDeserializer<'_> {
    /// Names in first-seen order, each with its values.
    fn grouped(&self, only: Option<&[&str]>) -> Vec<(String, Values)> {
        let mut out: Vec<(String, Values)> = Vec::new();
        for (k, v) in self.pairs {
            if only.is_some_and(|names| !names.contains(&k.as_str())) {
                continue;
            }
            match out.iter_mut().find(|(name, _)| name == k) {
                Some((_, vs)) => vs.0.push(v.clone()),
                None => out.push((k.clone(), Values(vec![v.clone()]))),
            }
        }
        out
    }
}

impl<'de> Deserializer<'de> for PairsDeserializer<'_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_map(MapDeserializer::new(self.grouped(None).into_iter()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.known.set(fields);
        visitor.visit_map(MapDeserializer::new(self.grouped(Some(fields)).into_iter()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

/// Every value sent under one name.
struct Values(Vec<String>);

impl<'de> IntoDeserializer<'de, DeError> for Values {
    type Deserializer = Values;

    fn into_deserializer(self) -> Values {
        self
    }
}

impl<'de> Deserializer<'de> for Values {
    type Error = DeError;

    /// Text: the first value sent under the name, as the handlers always read it.
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_string(self.0.into_iter().next().unwrap_or_default())
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    /// A list: every value, in the order sent.
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_seq(SeqDeserializer::new(self.0.into_iter()))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Search {
        q: Option<String>,
        page: Option<String>,
        #[serde(default)]
        blocked: Vec<String>,
    }

    fn read(raw: &str) -> Result<Decoded<Search>, AppError> {
        Decoded::read(&strict_pairs(raw.as_bytes())?)
    }

    #[test]
    fn reads_text_lists_and_unknown_names() {
        let d = read("q=wind+farm&colour=red&blocked=3&q=second&blocked=4&csrf=x").unwrap();
        assert_eq!(d.value.q.as_deref(), Some("wind farm"), "the first value, as before");
        assert_eq!(d.value.page, None);
        assert_eq!(d.value.blocked, ["3", "4"]);
        assert_eq!(d.unknown, ["colour", "csrf"]);
        assert_eq!(d.unknown_filters(), ["colour: unknown filter", "csrf: unknown filter"]);
        match d.known_only() {
            Err(AppError::Validation(es)) => {
                assert_eq!(es[0].field, "colour");
                assert_eq!(es[0].message, "unknown parameter (allowed: q, page, blocked)");
            }
            _ => panic!("unknown names are refused"),
        }
    }

    #[test]
    fn empty_values_and_bare_names_are_present() {
        let d = read("q=&page").unwrap();
        assert_eq!((d.value.q.as_deref(), d.value.page.as_deref()), (Some(""), Some("")));
        assert!(read("").unwrap().value.q.is_none());
    }

    #[test]
    fn invalid_utf8_is_refused_by_name() {
        match read("q=%FF%FE&page=%C3%A9") {
            Err(AppError::Validation(es)) => {
                assert_eq!(es.len(), 1);
                assert_eq!((es[0].field.as_str(), es[0].message.as_str()), ("q", "is not valid UTF-8 text"));
            }
            _ => panic!("not UTF-8"),
        }
        assert!(read("%FF=1").is_err());
        assert_eq!(read("page=%C3%A9%2").unwrap().value.page.as_deref(), Some("é%2"));
    }
}
