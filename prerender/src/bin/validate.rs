//! `scripts/validate.sh FILE`: checks a dataset file as the build would, and
//! prints every problem at once, each with its place in the file
//! (`FILE:LINE:COLUMN: path: message`). Exits 1 when there is any, 2 when
//! the file cannot be read.

use earnings_explorer::model::validate::locate;
use earnings_explorer::model::Report;

/// One line per problem, with its line and column where the path is found.
fn problems(file: &str, json: &str) -> Vec<String> {
    Report::problems(json)
        .into_iter()
        .map(|e| match locate(json, &e.path) {
            Some((line, column)) => format!("{file}:{line}:{column}: {e}"),
            None => format!("{file}: {e}"),
        })
        .collect()
}

fn main() {
    let Some(file) = std::env::args().nth(1) else {
        eprintln!("usage: scripts/validate.sh FILE");
        std::process::exit(2);
    };
    let json = match std::fs::read_to_string(&file) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(2);
        }
    };
    let found = problems(&file, &json);
    if found.is_empty() {
        let report = Report::from_json(&json).expect("no problems, so it loads");
        println!(
            "{file}: valid: {} figures, {} cards, {} questions.",
            report.figures.len(),
            report.cards.len(),
            report.faq.len()
        );
        return;
    }
    for line in &found {
        println!("{line}");
    }
    eprintln!("{file}: {} problem(s).", found.len());
    std::process::exit(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_is_printed_with_its_line_and_column() {
        let json = earnings_explorer::model::BUNDLED.replacen(
            "\"answer\": \"",
            "\"answer\": \"About 7% of it. ",
            2,
        );
        let lines = problems("d.json", &json);
        assert_eq!(lines.len(), 2, "{lines:#?}");
        for line in &lines {
            let mut parts = line.splitn(4, ':');
            assert_eq!(parts.next(), Some("d.json"));
            let row: usize = parts.next().unwrap().parse().expect("a line number");
            let _column: usize = parts.next().unwrap().parse().expect("a column");
            assert!(
                json.lines().nth(row - 1).unwrap().contains("About 7%"),
                "{line}"
            );
            assert!(
                line.contains("faq[") && line.contains("writes “7%” by hand"),
                "{line}"
            );
        }
        assert!(problems("d.json", earnings_explorer::model::BUNDLED).is_empty());
        let broken = problems("d.json", "{\"format\": 1, }");
        assert_eq!(broken.len(), 1);
    }
}
