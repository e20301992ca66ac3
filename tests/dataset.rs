//! Dataset files as a whole: the bundled report loads and is complete, both
//! reports read through the same code, the schema and the figure files match,
//! and every problem is listed at once. Each rule's own tests sit beside it
//! in `src/model/validate/`.

use earnings_explorer::model::quantity::Value;
use earnings_explorer::model::{Basis, Report, BUNDLED};
use serde_json::{json, Value as Json};

fn bundled() -> Json {
    serde_json::from_str(BUNDLED).unwrap()
}

#[test]
fn bundled_report_loads_and_every_figure_is_traceable() {
    let r = Report::from_json(BUNDLED).expect("the bundled report is valid");
    assert!(r.figures().len() > 30);
    for f in r.figures() {
        match f.basis {
            Basis::Derived => assert!(f.formula.is_some(), "{} has no formula", f.id),
            _ => assert!(f.source.is_some(), "{} has no source", f.id),
        }
        assert!(!r.provenance(f).is_empty(), "{} cannot be traced", f.id);
    }
}

#[test]
fn bundled_report_has_the_headline_figures() {
    let r = Report::from_json(BUNDLED).unwrap();
    let show = |id: &str| r.figure(id).unwrap_or_else(|| panic!("{id}")).display();
    assert_eq!(show("revenue"), "$193.4M");
    assert_eq!(show("eps-gaap"), "−$0.22");
    assert_eq!(show("net-loss-non-gaap"), "−$2.5M");
    assert_eq!(show("gross-margin-guide"), "36–38%");
    assert_eq!(show("gross-margin-guide-change"), "−9 to −11 pts");
    assert_eq!(show("revenue-guide-fy"), "$855–865M");
    assert_eq!(show("revenue-guide-fy-mid"), "$860M");
    assert_eq!(show("revenue-growth-yoy-check"), "+94.4%");
    assert_eq!(show("revenue-beat"), "+$12.6M");
    assert_eq!(show("after-hours-move-check"), "−7.4%");
    assert_eq!(show("cash"), "$3.3B");
    assert_eq!(show("openai-value"), ">$20B");
    assert_eq!(r.figure("eps-non-gaap").unwrap().value, Value::NotReported);
    let wedbush = &r.analysts.as_ref().unwrap().targets[0];
    let upside = r.upside(wedbush).unwrap();
    assert_eq!(upside.display(), "+28.6%");
    assert_eq!(upside.basis, Basis::Derived);
}

#[test]
fn the_second_dataset_loads_through_the_same_code() {
    let r =
        Report::from_json(include_str!("fixtures/acme-q3-2025.json")).expect("fixture is valid");
    assert_eq!(r.name(), "Acme Robotics Q3 2025");
    let c = r.comparison("sales-vs-consensus").unwrap();
    assert_eq!(c.outcome.verdict.label(), "Miss");
    assert_eq!(r.figure("sales-shortfall").unwrap().display(), "−$8.5M");
}

#[test]
fn every_problem_is_listed_at_once() {
    let mut doc = bundled();
    doc["faq"][0]["question"] = json!("Was it $5?");
    doc["faq"][1]["answer"] = json!("It fell {after-hours-move}.");
    let problems = Report::problems(&doc.to_string());
    let places: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(places, ["faq[0].question", "faq[1].answer"]);
    assert!(Report::problems(BUNDLED).is_empty());
}

/// Reads a rendered text as a reader would: after a word that gives the
/// direction (and any small linking words or a `~`/`>` mark), a sign.
fn sign_said_twice(rendered: &str) -> Option<String> {
    let words: Vec<&str> = rendered.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !earnings_explorer::model::text::DIRECTION_WORDS.contains(&bare.as_str()) {
            continue;
        }
        let next = words[i + 1..].iter().find(|n| {
            ![
                "of", "by", "to", "about", "roughly", "nearly", "almost", "some", "a",
            ]
            .contains(n)
        });
        if let Some(n) = next {
            if n.trim_start_matches(['~', '>'])
                .starts_with(['\u{2212}', '+'])
            {
                return Some(format!("{w} {n}"));
            }
        }
    }
    None
}

#[test]
fn no_text_of_either_report_says_a_sign_twice() {
    for json in [BUNDLED, include_str!("fixtures/acme-q3-2025.json")] {
        let r = Report::from_json(json).unwrap();
        let texts = r.texts();
        assert!(texts.len() > 5, "every text is read");
        for (at, text) in texts {
            let rendered = r.plain_text(text);
            assert!(
                !rendered.contains('{'),
                "{at}: a reference was left unfilled: {rendered}"
            );
            assert_eq!(sign_said_twice(&rendered), None, "{at}: {rendered}");
        }
    }
    // The reader's check itself can fail.
    assert_eq!(
        sign_said_twice("a drop of −9 to −11 pts").as_deref(),
        Some("drop −9")
    );
}

/// The checked-in schema is the one the types give. After a change to the
/// format: `EE_WRITE_SCHEMA=1 cargo test --test dataset schema` rewrites it.
#[test]
fn the_json_schema_matches_the_types() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/dataset.schema.json");
    let generated = earnings_explorer::model::validate::json_schema();
    if std::env::var_os("EE_WRITE_SCHEMA").is_some() {
        std::fs::write(path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "data/dataset.schema.json is out of date: run EE_WRITE_SCHEMA=1 cargo test --test dataset schema"
    );
    // And the datasets point their editors at it.
    let doc: Json = serde_json::from_str(BUNDLED).unwrap();
    assert_eq!(doc["$schema"], "./dataset.schema.json");
}

/// The README's "Write your own report" shows the smallest valid file: it is.
#[test]
fn the_guides_smallest_file_is_valid() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("The smallest valid file:")
        .expect("the guide shows the smallest file");
    let block = &readme[start..];
    let json = block
        .split("```json\n")
        .nth(1)
        .and_then(|b| b.split("\n```").next())
        .expect("a json block");
    let r = Report::from_json(json).expect("the guide's example is valid");
    assert_eq!(r.name(), "Example Corp Q2 2026");
    assert!(Report::problems(json).is_empty());
}

/// Splits CSV text (RFC 4180) into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "lines end with CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        field.is_empty() && row.is_empty(),
        "the last line ends with CRLF"
    );
    rows
}

/// A figure's value as the dataset file writes it: the number's own text
/// (the low end of a range), or nothing for a text or a value not reported.
fn written_number(value: &Json) -> Option<String> {
    let v = value.get("range").map_or(value, |r| &r[0]);
    let v = v.get("count").map_or(v, |c| c.get("amount").unwrap_or(c));
    match v {
        Json::Number(n) => Some(n.to_string()),
        Json::Object(o) => o
            .values()
            .next()
            .and_then(|n| n.as_number())
            .map(|n| n.to_string()),
        _ => None,
    }
}

/// The CSV and the JSON of every figure: one row per figure of each dataset,
/// exact values as the file writes them, the reason where none is reported,
/// and the size the page states for each.
#[test]
fn the_figure_files_match_the_dataset_exactly() {
    use earnings_explorer::model::export::{files, COLUMNS};
    for text in [BUNDLED, include_str!("fixtures/acme-q3-2025.json")] {
        let doc: Json = serde_json::from_str(text).unwrap();
        let r = Report::from_json(text).unwrap();
        let files = files(&r);
        assert_eq!(files.len(), 2);
        let csv = parse_csv(&files[0].1);
        assert_eq!(csv[0], COLUMNS);
        let json: Json = serde_json::from_str(&files[1].1).expect("the JSON file parses");
        let json = json.as_array().unwrap();
        let figures = doc["figures"].as_array().unwrap();
        assert_eq!(csv.len() - 1, figures.len());
        assert_eq!(json.len(), figures.len());
        for ((f, row), object) in figures.iter().zip(&csv[1..]).zip(json) {
            let cell = |name: &str| &row[COLUMNS.iter().position(|c| *c == name).unwrap()];
            let id = f["id"].as_str().unwrap();
            assert_eq!(cell("id"), id);
            assert_eq!(object["id"], id);
            assert_eq!(cell("basis"), f["basis"].as_str().unwrap(), "{id}");
            for name in COLUMNS {
                let from_json = match &object[name] {
                    Json::Null => String::new(),
                    Json::String(s) => s.clone(),
                    other => other.to_string(),
                };
                assert_eq!(
                    &from_json,
                    cell(name),
                    "{id}.{name}: the JSON says what the CSV says"
                );
            }
            if f.get("derived").is_some() {
                assert!(!cell("formula").is_empty(), "{id}: its formula");
                continue;
            }
            assert!(
                !cell("source").is_empty() && !cell("where").is_empty(),
                "{id}: its source"
            );
            match written_number(&f["value"]) {
                Some(n) => assert_eq!(cell("value"), &n, "{id}: the value as written"),
                None => assert_eq!(cell("value"), "", "{id}: no number"),
            }
            if f["value"] == "not_reported" {
                assert!(!cell("note").is_empty(), "{id}: says why it is empty");
            }
        }
        for (download, text) in &files {
            assert_eq!(download.bytes, text.len() as u64, "{}", download.file);
        }
    }
}
