//! Where a problem is: a path such as `faq[5].question`, as the checks name
//! it, turned into the line and column of a dataset's text.

/// One step of a path such as `faq[5].question`.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[').filter(|i| !i.is_empty()) {
            out.push(Step::Index(index.strip_suffix(']')?.parse().ok()?));
        }
    }
    (!out.is_empty()).then_some(out)
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the JSON string starting at `i` (after its closing quote).
fn skip_string(b: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// The end of the JSON value starting at `i`.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            None
        }
        _ => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']') && !b[j].is_ascii_whitespace()
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Where the value at `path` (`faq[5].question`, as the checks name it)
/// starts in a dataset's text: its line and column, from 1. A path that is
/// not there all the way (a missing field is named by where it should be)
/// gives the place of the nearest value around it that is. `None` when the
/// text is not JSON, or the path names nothing in it.
pub fn locate(json: &str, path: &str) -> Option<(usize, usize)> {
    let b = json.as_bytes();
    let mut i = skip_ws(b, 0);
    // The whole document is the outermost place.
    let mut found = matches!(b.get(i), Some(b'{' | b'[')).then_some(i);
    for step in steps(path).unwrap_or_default() {
        match step_into(json, i, &step) {
            Some(next) => {
                i = next;
                found = Some(i);
            }
            None => break,
        }
    }
    let i = found?;
    let before = &json[..i];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.chars().count(), |n| before[n + 1..].chars().count())
        + 1;
    Some((line, column))
}

/// From the value at `i`, where the value one step in starts.
fn step_into(json: &str, mut i: usize, step: &Step) -> Option<usize> {
    let b = json.as_bytes();
    match step {
        Step::Key(key) => {
            (b.get(i) == Some(&b'{')).then_some(())?;
            i = skip_ws(b, i + 1);
            loop {
                (b.get(i) == Some(&b'"')).then_some(())?;
                let end = skip_string(b, i)?;
                let name = &json[i + 1..end - 1];
                i = skip_ws(b, end);
                (b.get(i) == Some(&b':')).then_some(())?;
                i = skip_ws(b, i + 1);
                if name == *key {
                    break;
                }
                i = skip_ws(b, skip_value(b, i)?);
                (b.get(i) == Some(&b',')).then_some(())?;
                i = skip_ws(b, i + 1);
            }
        }
        Step::Index(n) => {
            (b.get(i) == Some(&b'[')).then_some(())?;
            i = skip_ws(b, i + 1);
            for _ in 0..*n {
                i = skip_ws(b, skip_value(b, i)?);
                (b.get(i) == Some(&b',')).then_some(())?;
                i = skip_ws(b, i + 1);
            }
            (i < b.len() && b[i] != b']').then_some(())?;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_located_in_the_text() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\\\"}\"}],\n  \"c\": { \"d\": [true, \"here\"] }\n}";
        assert_eq!(locate(json, "a[1].b"), Some((2, 18)));
        assert_eq!(locate(json, "c.d[1]"), Some((3, 22)));
        // A missing field or item: the place of what holds it.
        assert_eq!(locate(json, "c.e"), Some((3, 8)));
        assert_eq!(locate(json, "a[5]"), Some((2, 8)));
        assert_eq!(locate(json, "zz"), Some((1, 1)));
        assert_eq!(locate(json, ""), Some((1, 1)));
        assert_eq!(locate("not json", "a"), None);
        let bundled = crate::model::BUNDLED;
        let (line, _) = locate(bundled, "faq[0].question").unwrap();
        assert!(bundled
            .lines()
            .nth(line - 1)
            .unwrap()
            .contains("\"question\""));
    }
}
