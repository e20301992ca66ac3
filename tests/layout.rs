//! The house rules of the code's layout, checked on the sources themselves:
//! no file over 500 lines (tests included), and no import circle between
//! the files of `src/` or of `prerender/src/`. A file may use its ancestors
//! (a folder's `mod.rs` is its façade) and anything that does not use it
//! back, directly or through others. A file is one module: a module written
//! inline would be read as part of its file (only test modules are).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const MAX_LINES: usize = 500;

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// A file's module path in its crate: `src/state/url/mod.rs` is
/// `["state", "url"]`, `src/lib.rs` is `[]`.
fn module_of(crate_root: &Path, file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(crate_root).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    if parts.first().map(String::as_str) == Some("bin") {
        parts.clear();
    }
    parts
}

/// The code without its comments (doc comments name paths but import nothing).
fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            // A string: kept as one space (its text is not code).
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else if text[i..].starts_with("//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if text[i..].starts_with("/*") {
            i += text[i..].find("*/").map_or(b.len() - i, |n| n + 2);
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The paths a piece of code names from `crate::`, `super::` or `self::`,
/// each as written (use-groups such as `super::{a, b::c}` expanded).
fn paths_named(code: &str) -> Vec<Vec<String>> {
    let tokens: Vec<String> = tokenize(code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        let starts = matches!(t, "crate" | "super" | "self")
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && (i == 0 || tokens[i - 1] != "::");
        if starts {
            let (paths, next) = tree(&tokens, i);
            out.extend(paths);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_alphanumeric() || **d == '_') {
                word.push(d);
                chars.next();
            }
            tokens.push(word);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            tokens.push("::".into());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

/// Reads a path tree from `tokens[i]`: `a::b::{c, d::e}` gives `a::b::c` and
/// `a::b::d::e`. Returns the paths and where it stopped.
fn tree(tokens: &[String], mut i: usize) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("{") => {
                let mut out = Vec::new();
                i += 1;
                while !matches!(tokens.get(i).map(String::as_str), Some("}") | None) {
                    let (paths, next) = tree(tokens, i);
                    for p in paths {
                        out.push(prefix.iter().cloned().chain(p).collect());
                    }
                    i = next;
                    if tokens.get(i).map(String::as_str) == Some(",") {
                        i += 1;
                    }
                }
                return (out, i + 1);
            }
            Some(word) if word.chars().all(|c| c.is_alphanumeric() || c == '_') => {
                prefix.push(word.to_string());
                i += 1;
                if tokens.get(i).map(String::as_str) == Some("::") {
                    i += 1;
                } else {
                    return (vec![prefix], i);
                }
            }
            _ => return (vec![prefix], i),
        }
    }
}

/// Resolves a named path against the module it is written in.
fn absolute(here: &[String], path: &[String]) -> Vec<String> {
    let mut base: Vec<String> = match path.first().map(String::as_str) {
        Some("crate") => Vec::new(),
        _ => here.to_vec(),
    };
    let mut rest = path;
    if rest.first().map(String::as_str) == Some("crate") {
        rest = &rest[1..];
    }
    while let Some(first) = rest.first() {
        match first.as_str() {
            "super" => {
                base.pop();
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    base.extend(rest.iter().cloned());
    base
}

/// The import graph of one crate's files: file module → the file modules it
/// names, leaving out its own ancestors and its own descendants.
fn graph(crate_root: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = rust_files(crate_root);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(crate_root, f)).collect();
    let mut out = BTreeMap::new();
    for file in &files {
        let here = module_of(crate_root, file);
        let code = without_comments(&fs::read_to_string(file).unwrap());
        let mut uses = BTreeSet::new();
        for path in paths_named(&code) {
            let full = absolute(&here, &path);
            // The longest prefix that is a file of the crate.
            let Some(target) = (0..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|m| modules.contains(m))
            else {
                continue;
            };
            let related = target.starts_with(&here) || here.starts_with(&target);
            if !related {
                uses.insert(target);
            }
        }
        out.insert(here, uses);
    }
    out
}

/// A circle in the graph, if there is one.
fn circle(graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    fn visit(
        node: &Vec<String>,
        graph: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        stack: &mut Vec<Vec<String>>,
        done: &mut BTreeSet<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            return Some(stack[at..].to_vec());
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn names(modules: &[Vec<String>]) -> String {
    let name = |m: &Vec<String>| {
        if m.is_empty() {
            "(root)".to_string()
        } else {
            m.join("::")
        }
    };
    modules.iter().map(name).collect::<Vec<_>>().join(" → ")
}

#[test]
fn no_file_is_over_500_lines() {
    let root = Path::new(ROOT);
    let mut files = vec![root.join("build.rs")];
    for dir in ["src", "prerender/src", "tests"] {
        files.extend(rust_files(&root.join(dir)));
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let lines = fs::read_to_string(f).unwrap().lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines})", f.display()))
        })
        .collect();
    assert!(files.len() > 60, "{} files read", files.len());
    assert!(
        long.is_empty(),
        "over {MAX_LINES} lines: {}",
        long.join(", ")
    );
}

#[test]
fn no_import_circle_in_either_crate() {
    for dir in ["src", "prerender/src"] {
        let graph = graph(&Path::new(ROOT).join(dir));
        assert!(graph.len() > 5, "{dir}: {} files", graph.len());
        if let Some(c) = circle(&graph) {
            panic!("{dir}: an import circle: {} → (back)", names(&c));
        }
    }
}

#[test]
fn the_circle_finder_finds_a_circle_and_reads_use_groups() {
    let code = without_comments(
        "use super::{a::X, b::{Y, c::Z}}; // crate::d\nfn f() { crate::e::f(); \"crate::g\"; }",
    );
    let here = vec!["m".to_string(), "n".to_string()];
    let found: Vec<String> = paths_named(&code)
        .iter()
        .map(|p| absolute(&here, p).join("::"))
        .collect();
    assert_eq!(found, ["m::a::X", "m::b::Y", "m::b::c::Z", "e::f"]);
    let m = |s: &str| vec![s.to_string()];
    let mut g = BTreeMap::new();
    g.insert(m("a"), BTreeSet::from([m("b")]));
    g.insert(m("b"), BTreeSet::from([m("c")]));
    g.insert(m("c"), BTreeSet::from([m("a")]));
    assert_eq!(circle(&g), Some(vec![m("a"), m("b"), m("c")]));
    g.insert(m("c"), BTreeSet::new());
    assert_eq!(circle(&g), None);
}
