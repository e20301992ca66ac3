//! Reads and checks the bundled dataset once, at build time, with the app's
//! own model (`src/model/`, compiled into this script), and writes the
//! resolved report as Rust code for `src/bundled.rs`. A malformed dataset
//! fails the build with the message that names the field at fault.

#[path = "src/model/mod.rs"]
#[allow(dead_code, unused_imports)]
mod model;

use std::path::Path;

use model::code::RustCode;

/// The dataset the app is built with.
const DATASET: &str = "data/cerebras-q1-2026.json";

fn main() {
    println!("cargo:rerun-if-changed={DATASET}");
    println!("cargo:rerun-if-changed=src/model");
    let json = std::fs::read_to_string(DATASET)
        .unwrap_or_else(|e| fail(&format!("cannot read {DATASET}: {e}")));
    let problems = model::Report::problems(&json);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|e| format!("  {DATASET}: {e}")).collect();
        fail(&format!("{} problem(s):\n{}", problems.len(), list.join("\n")));
    }
    let report = model::Report::from_json(&json).unwrap_or_else(|e| fail(&format!("{DATASET}: {e}")));
    let code = report.rust();
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled_report.rs");
    std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: the dataset is not valid: {message}");
    std::process::exit(1);
}
