//! A tiny builder for dynamic SQL with `$n` placeholders, portable across both backends
//! (sqlx's `QueryBuilder` picks placeholders per driver, which `Any` cannot know in advance).

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::Any;

#[derive(Debug, Clone)]
pub(crate) enum Param {
    Int(i64),
    Text(String),
}

#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub text: String,
    params: Vec<Param>,
}

impl Sql {
    pub(crate) fn new(text: &str) -> Sql {
        Sql { text: text.to_string(), params: Vec::new() }
    }

    pub(crate) fn push(&mut self, text: &str) -> &mut Sql {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder bound to `p`.
    pub(crate) fn bind(&mut self, p: Param) -> &mut Sql {
        self.params.push(p);
        let n = self.params.len();
        self.text.push_str(&format!("${n}"));
        self
    }

    pub(crate) fn text(&mut self, s: &str) -> &mut Sql {
        self.bind(Param::Text(s.to_string()))
    }

    pub(crate) fn int(&mut self, i: i64) -> &mut Sql {
        self.bind(Param::Int(i))
    }

    pub(crate) fn query(&self) -> Query<'_, Any, AnyArguments<'_>> {
        let mut q = sqlx::query(&self.text);
        for p in &self.params {
            q = match p {
                Param::Int(i) => q.bind(*i),
                Param::Text(s) => q.bind(s.clone()),
            };
        }
        q
    }
}

impl Sql {
    /// A builder with this one's parameters and new text that reuses their placeholders.
    pub(crate) fn with_text(&self, text: &str) -> Sql {
        Sql { text: text.to_string(), params: self.params.clone() }
    }
}
