//! The bundled report, already read, checked and resolved by `build.rs` from
//! `data/cerebras-q1-2026.json` (or the file the build setting `EE_DATASET`
//! names) and compiled in as Rust code: the wasm
//! carries no JSON parser and no validation, and the page, the pre-render and
//! the tests all read this same report. (Outside `src/model/`, which
//! `build.rs` compiles into itself to do that work.)

use crate::model::Report;

/// The report the app shows.
pub fn report() -> Report {
    include!(concat!(env!("OUT_DIR"), "/bundled_report.rs"))
}

#[cfg(test)]
mod tests {
    use crate::model::Report;

    #[test]
    fn the_compiled_report_is_the_dataset_read_natively() {
        let json = include_str!(env!("EE_DATASET_FILE"));
        let read = Report::from_json(json).expect("the bundled dataset is valid");
        assert_eq!(format!("{:?}", super::report()), format!("{read:?}"));
    }
}
