//! The bundled report: `data/cerebras-q1-2026.json` (or the file the build
//! setting `EE_DATASET` names), carried in the binary as written and read
//! with the model's own validation. `build.rs` has already checked it, so a
//! failure here is a bug. Read by the pre-render and the tests; the app's
//! wasm never calls this (its islands read the page), so neither the file
//! nor the validation reaches it (the budget test checks the first).

use crate::model::Report;

/// The dataset file, as its author wrote it.
pub const DATASET: &str = include_str!(env!("EE_DATASET_FILE"));

/// The report the app shows.
pub fn report() -> Report {
    Report::from_json(DATASET).unwrap_or_else(|e| panic!("build.rs checked the dataset: {e}"))
}
