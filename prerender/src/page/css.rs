//! The stylesheets, shrunk to be inlined in every page.

/// Shrinks CSS for inlining: drops comments, and whitespace that means
/// nothing (runs become one space; none next to `{ } ; , >`), leaving
/// quoted strings as they are.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    let tight = |c: char| "{};,>".contains(c);
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
            }
            '"' | '\'' => {
                if space && !out.ends_with(tight) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                while let Some(d) = chars.next() {
                    out.push(d);
                    if d == '\\' {
                        out.extend(chars.next());
                    } else if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if space && !tight(c) && !out.ends_with(tight) && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}
