//! Properties of the loader over mutated datasets: fields removed, types
//! swapped, numbers at the edges of `Decimal`, ids duplicated, references
//! left dangling, deep nesting, huge strings and broken escapes. Whatever the
//! file, reading it never panics or overflows (the test build checks
//! overflow), and every problem has a place: a path that finds a line and
//! column in the file, or, when the file is not JSON, a line in its message.
//!
//! The test run reads 10,000 files;
//! `PROPTEST_CASES=1000000 cargo test --release --lib validate::props`
//! reads a million (see the README).

use std::io::Write;

use proptest::prelude::*;
use serde_json::{Number, Value as Json};

use super::locate;
use crate::model::{Report, BUNDLED};

const ACME: &str = include_str!("../../../tests/fixtures/acme-q3-2025.json");

fn config() -> ProptestConfig {
    crate::proptest_config(10_000)
}

/// Numbers at and past the edges of what a `Decimal` holds.
const EDGES: [&str; 12] = [
    "0",
    "-0",
    "0.000000000001",
    "0.0000000000001",
    "99999999999999999999.999999999999",
    "-99999999999999999999.999999999999",
    "999999999999999999999",
    "170141183460469231731687303715884105727",
    "-170141183460469231731687303715884105728",
    "1e308",
    "1e-400",
    "123456789012345678901234567890.5",
];

/// One change to a dataset.
#[derive(Clone, Debug)]
enum Mutation {
    Remove,
    Swap(u8),
    Edge(usize),
    DuplicateId,
    Dangle,
    Nest(usize),
    Huge(usize),
    Escape(u8),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => Just(Mutation::Remove),
        3 => (0u8..7).prop_map(Mutation::Swap),
        3 => (0..EDGES.len()).prop_map(Mutation::Edge),
        1 => Just(Mutation::DuplicateId),
        2 => Just(Mutation::Dangle),
        1 => (100usize..5_000).prop_map(Mutation::Nest),
        1 => (5_000usize..50_000).prop_map(Mutation::Huge),
        1 => (0u8..4).prop_map(Mutation::Escape),
    ]
}

/// What a mutation may change.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Object,
    IdList,
    Number,
    Text,
    Other,
}

/// Every node of a document, as the steps to reach it, with its kind.
fn nodes(doc: &Json, at: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, Kind)>) {
    let kind = match doc {
        Json::Object(o) if !o.is_empty() => Kind::Object,
        Json::Array(a) if a.len() > 1 && a[0].get("id").is_some() => Kind::IdList,
        Json::Number(_) => Kind::Number,
        Json::String(_) => Kind::Text,
        _ => Kind::Other,
    };
    out.push((at.clone(), kind));
    match doc {
        Json::Object(map) => {
            for (key, value) in map {
                at.push(Step::Key(key.clone()));
                nodes(value, at, out);
                at.pop();
            }
        }
        Json::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                at.push(Step::Index(i));
                nodes(value, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(doc: &'a mut Json, at: &[Step]) -> &'a mut Json {
    at.iter().fold(doc, |node, step| match step {
        Step::Key(k) => &mut node[k.as_str()],
        Step::Index(i) => &mut node[*i],
    })
}

/// Applies `m` at the node `pick` chooses; returns the file's text.
fn mutate(base: &str, m: &Mutation, pick: usize, other: usize) -> String {
    let mut doc: Json = serde_json::from_str(base).unwrap();
    let mut all = Vec::new();
    nodes(&doc, &mut Vec::new(), &mut all);
    let of = |kind: Kind| -> Option<Vec<Step>> {
        let fitting: Vec<&Vec<Step>> = all
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(p, _)| p)
            .collect();
        (!fitting.is_empty()).then(|| fitting[pick % fitting.len()].clone())
    };
    match m {
        Mutation::Remove => {
            if let Some(path) = of(Kind::Object) {
                let object = node_mut(&mut doc, &path).as_object_mut().unwrap();
                let key = object.keys().nth(other % object.len()).unwrap().clone();
                object.remove(&key);
            }
        }
        Mutation::Swap(kind) => {
            let path = all[pick % all.len()].0.clone();
            *node_mut(&mut doc, &path) = match kind {
                0 => Json::Null,
                1 => Json::Bool(true),
                2 => Json::from(-1),
                3 => Json::from("x"),
                4 => Json::Array(vec![]),
                5 => Json::Object(Default::default()),
                _ => Json::from("{revenue} and [[GAAP]] {"),
            };
        }
        Mutation::Edge(e) => {
            if let Some(path) = of(Kind::Number) {
                *node_mut(&mut doc, &path) = Json::Number(EDGES[*e].parse::<Number>().unwrap());
            }
        }
        Mutation::DuplicateId => {
            if let Some(path) = of(Kind::IdList) {
                let list = node_mut(&mut doc, &path).as_array_mut().unwrap();
                let (i, j) = (pick % list.len(), other % list.len());
                let id = list[i]["id"].clone();
                list[j]["id"] = id;
            }
        }
        Mutation::Dangle => {
            if let Some(path) = of(Kind::Text) {
                let text = node_mut(&mut doc, &path);
                let s = text.as_str().unwrap().to_string();
                *text = Json::from(if other.is_multiple_of(2) {
                    "no-such-id".to_string()
                } else {
                    format!("{s} {{nowhere}} [[nothing]]")
                });
            }
        }
        Mutation::Huge(n) => {
            if let Some(path) = of(Kind::Text) {
                *node_mut(&mut doc, &path) = Json::from("é{".repeat(*n / 2));
            }
        }
        Mutation::Nest(_) | Mutation::Escape(_) => {}
    }
    let text = doc.to_string();
    // Changes to the text itself.
    match m {
        Mutation::Nest(depth) => {
            let i = text.find(':').map_or(0, |i| i + 1);
            let (a, b) = text.split_at(i);
            format!(
                "{a}{}0{}, \"x\":{b}",
                "[".repeat(*depth),
                "]".repeat(*depth)
            )
        }
        Mutation::Escape(kind) => {
            // After a quote: in a string or just after one.
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i + 1).collect();
            let i = quotes[pick % quotes.len()];
            let escape = ["\\ud800", "\\uZZZZ", "\\x41", "\\udc00\\ud800"][*kind as usize];
            format!("{}{escape}{}", &text[..i], &text[i..])
        }
        _ => text,
    }
}

/// The problems of a file, each checked for its place.
fn check(json: &str) -> Result<(), TestCaseError> {
    let problems = Report::problems(json);
    let loaded = Report::from_json(json);
    match &loaded {
        Ok(_) => prop_assert!(problems.is_empty(), "it loads, yet: {problems:?}"),
        Err(e) => prop_assert_eq!(
            problems.first(),
            Some(e),
            "the first problem is the one that stops it"
        ),
    }
    for p in &problems {
        prop_assert!(!p.message.is_empty());
        // A place: the path finds a line and column, or (a file that is not
        // JSON, or not a report at all) the message names the line.
        prop_assert!(
            locate(json, &p.path).is_some() || p.message.contains(" line "),
            "no place for '{}': {}",
            p.path,
            p.message
        );
    }
    Ok(())
}

/// Runs the property, then says on the test's standard error (which the
/// test harness does not hold back) how many files it read.
#[test]
fn a_mutated_dataset_gets_problems_with_places_never_a_panic() {
    let config = config();
    let cases = config.cases;
    let read = std::cell::Cell::new(0u64);
    let strategy = (
        mutation(),
        prop::bool::weighted(0.1),
        any::<usize>(),
        any::<usize>(),
    );
    proptest::test_runner::TestRunner::new(config)
        .run(&strategy, |(m, bundled, pick, other)| {
            read.set(read.get() + 1);
            check(&mutate(
                if bundled { BUNDLED } else { ACME },
                &m,
                pick,
                other,
            ))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(read.get() >= u64::from(cases));
    let _ = writeln!(
        std::io::stderr(),
        "validate::props: {} mutated datasets read ({cases} cases), none panicked, every problem placed",
        read.get()
    );
}

#[test]
fn the_mutations_break_what_they_say() {
    // Each kind of change is seen to fail, so the property is not vacuous.
    let fails = |m: Mutation| {
        (0..50).any(|pick| Report::from_json(&mutate(ACME, &m, pick, pick / 3)).is_err())
    };
    assert!(fails(Mutation::Remove));
    assert!(fails(Mutation::Swap(3)));
    assert!(fails(Mutation::DuplicateId));
    assert!(fails(Mutation::Dangle));
    assert!(fails(Mutation::Nest(1_000)));
    assert!(fails(Mutation::Escape(0)));
    assert!(fails(Mutation::Edge(7)));
    // Deep nesting is refused where it starts, never recursed into.
    let nested = mutate(ACME, &Mutation::Nest(4_000), 0, 0);
    let e = Report::from_json(&nested).unwrap_err();
    assert!(locate(&nested, &e.path).is_some(), "{e}");
}
