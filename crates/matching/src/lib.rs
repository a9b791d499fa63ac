//! Partner matchmaking, pure: no I/O, no clock. Given the text of a need or a call, rank
//! organisations that are likely partners, and say why.
//!
//! * [`corpus`]: the data the ranker reads ([`Project`], [`Org`], [`Corpus`]).
//! * Text is cut by `domain::text`, the one tokenizer search and matching share; reasons show
//!   the words as written (`domain::text::Surfaces`), never stems, stop or filler words.
//! * [`bm25`]: BM25 over a sparse inverted index with in-place updates. Written here rather than
//!   taken from tantivy: the ranker scores every training project into one dense array, sums per
//!   organisation and spreads scores over the partner graph, needs the baseline's exact BM25 and
//!   raw term frequencies for the reasons, and builds the full CORDIS index in a quarter second.
//! * [`directory`]: the directory search's in-memory index (every word by prefix, filters, facets).
//! * [`engine`]: the ranker ([`Engine::build`], [`Engine::rank`] → [`Hit`]s with [`Reason`]s).
//! * [`eval`]: metrics, the evaluation harness on real consortia, the baselines, the tuner.
//! * [`load`]: parsing the CORDIS CSV format from text (the caller reads the files).
//! * [`places`]: countries a text names ("Norwegian", "the UK", "Norvège", "Norwegen") as CORDIS codes.
//! * [`terms`]: the FR→EN and DE→EN terminology that translates French and German queries and
//!   profile texts.
//! * [`fit`]: cluster fit — which clusters suit an organisation, with the words that back it.
//! * [`themes`]: topics members of several clusters share, with the members behind them.
//! * [`roundtables`]: themed round tables of four to six with clusters mixed.
//! * [`consortium`]: a team that covers required kinds and countries, and what is missing.

pub mod bm25;
pub mod consortium;
pub mod corpus;
pub mod directory;
pub mod engine;
pub mod eval;
pub mod fit;
pub mod load;
pub mod places;
pub mod roundtables;
pub mod terms;
pub mod themes;

pub use corpus::{Corpus, Date, Org, OrgIdx, Project, Role};
pub use engine::{Engine, Filters, Hit, Params, Reason};
pub use fit::{cluster_fit, ClusterProfile, Fit};
