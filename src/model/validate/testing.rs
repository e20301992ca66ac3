//! For the rules' tests: the bundled dataset, mutated.

use serde_json::Value as Json;

use crate::model::{Report, BUNDLED};

/// The bundled dataset as JSON.
pub fn bundled() -> Json {
    serde_json::from_str(BUNDLED).unwrap()
}

/// Where a figure is in the list.
pub fn figure_index(doc: &Json, id: &str) -> usize {
    doc["figures"]
        .as_array()
        .unwrap()
        .iter()
        .position(|f| f["id"] == id)
        .unwrap_or_else(|| panic!("no figure {id}"))
}

/// Loads a mutated copy of the bundled dataset and returns the error text.
pub fn error_after(change: impl FnOnce(&mut Json)) -> String {
    let mut doc = bundled();
    change(&mut doc);
    match Report::from_json(&doc.to_string()) {
        Ok(_) => panic!("the broken dataset loaded"),
        Err(e) => e.to_string(),
    }
}
