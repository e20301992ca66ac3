//! The domain: a quarterly earnings report and everything needed to read it —
//! exact numbers with units, bases, comparisons, guidance ranges, the
//! reconciliation, derived figures, chart geometry and formatting.
//!
//! Pure Rust: nothing here knows about Leptos or the browser.

pub mod basis;
pub mod chart;
pub mod comparison;
pub mod dataset;
pub mod decimal;
pub mod derive;
pub mod export;
pub mod figure;
pub mod format;
pub mod glossary;
pub mod quantity;
pub mod report;
pub mod search;
pub mod season;
pub mod text;
pub mod validate;

pub use basis::{Accounting, Basis};
pub use figure::Figure;
pub use report::{LoadError, Report};

/// The dataset file bundled into the app, as its author wrote it (read and
/// checked natively: by `build.rs`, the pre-render and the tests).
#[cfg(not(target_arch = "wasm32"))]
pub const BUNDLED: &str = include_str!("../../data/cerebras-q1-2026.json");
