//! The preview image of a view (1200 × 630, what chat apps and social sites
//! show for a shared link): its headline figure drawn as SVG, then rasterised
//! to PNG with resvg.

use earnings_explorer::state::embed::escape_html;
use earnings_explorer::state::meta::Headline;
use resvg::{tiny_skia, usvg};

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;
const FONT: &str = "DejaVu Sans";

/// Breaks `text` into lines of at most `width` characters, at most `max` lines.
fn wrap(text: &str, width: usize, max: usize) -> Vec<String> {
    let mut lines = earnings_explorer::model::format::wrap(text, width);
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

fn text(x: u32, y: u32, size: u32, weight: &str, fill: &str, content: &str) -> String {
    format!(
        "<text x=\"{x}\" y=\"{y}\" font-family=\"{FONT}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\">{}</text>",
        escape_html(content)
    )
}

/// A basis tag: outlined, like on the page.
fn tag(x: u32, y: u32, size: u32, label: &str) -> String {
    let width = (label.chars().count() as f32 * size as f32 * 0.76) as u32 + size;
    format!(
        "<rect x=\"{x}\" y=\"{}\" width=\"{width}\" height=\"{}\" rx=\"6\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"3\"/>{}",
        y - size - size / 4,
        size + size / 2 + 4,
        text(x + size / 2, y, size, "bold", "#1f5fbf", label)
    )
}

/// The SVG of a headline.
pub fn svg(h: &Headline) -> String {
    let mut body = vec![
        format!("<rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#f7f7f5\"/>"),
        format!("<rect width=\"18\" height=\"{HEIGHT}\" fill=\"#1f5fbf\"/>"),
        text(80, 100, 34, "normal", "#55585f", &h.eyebrow),
    ];
    let title_lines = wrap(&h.title, if h.figures.is_empty() { 30 } else { 34 }, 3);
    let title_size = if h.figures.is_empty() { 64 } else { 56 };
    let mut y = 100 + title_size + 30;
    for line in &title_lines {
        body.push(text(80, y, title_size, "bold", "#1b1c1f", line));
        y += title_size + 14;
    }
    match h.figures.as_slice() {
        [] => {}
        [(_, value, basis)] => {
            let size = if value.chars().count() > 10 { 100 } else { 150 };
            let y = y + size - 10;
            body.push(text(80, y, size, "bold", "#1b1c1f", value));
            let after = 80 + (value.chars().count() as f32 * size as f32 * 0.66) as u32 + 40;
            body.push(tag(after.min(WIDTH - 260), y - 20, 34, basis));
        }
        figures => {
            let column = (WIDTH - 160) / figures.len() as u32;
            for (i, (label, value, basis)) in figures.iter().enumerate() {
                let x = 80 + i as u32 * column;
                body.push(text(x, y + 40, 30, "normal", "#55585f", label));
                body.push(text(x, y + 120, 58, "bold", "#1b1c1f", value));
                body.push(tag(x, y + 180, 26, basis));
            }
        }
    }
    if let Some(note) = &h.note {
        let colour = if h.miss { "#b0282c" } else { "#17723a" };
        body.push(text(80, 540, 32, "bold", colour, note));
    }
    body.push(text(
        80,
        600,
        26,
        "normal",
        "#55585f",
        "Earnings Explorer · every figure with its basis and source",
    ));
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">{}</svg>",
        body.concat()
    )
}

/// Rasterises SVG with the machine's fonts; fails when the font the images
/// are designed for is missing, rather than drawing images without text.
pub struct Renderer {
    options: usvg::Options<'static>,
}

impl Renderer {
    pub fn new() -> Result<Renderer, String> {
        let mut options = usvg::Options::default();
        options.fontdb_mut().load_system_fonts();
        let has_font = options
            .fontdb
            .faces()
            .any(|f| f.families.iter().any(|(name, _)| name == FONT));
        if !has_font {
            return Err(format!(
                "the font '{FONT}' is not installed; preview images need it (Debian: apt-get install fonts-dejavu-core)"
            ));
        }
        Ok(Renderer { options })
    }

    pub fn png(&self, svg: &str) -> Result<Vec<u8>, String> {
        let tree =
            usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("preview SVG: {e}"))?;
        let mut pixmap =
            tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate the preview image")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        pixmap.encode_png().map_err(|e| format!("preview PNG: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headline() -> Headline {
        Headline {
            eyebrow: "Acme & Co · Q3 2025".into(),
            title: "Why are there two net loss figures in this report at all?".into(),
            figures: vec![(String::new(), "−$2.5M".into(), "Non-GAAP".into())],
            note: Some("Miss: −$0.06 (−37.5%) against consensus −$0.16".into()),
            miss: true,
        }
    }

    #[test]
    fn the_svg_carries_the_headline_escaped() {
        let s = svg(&headline());
        assert!(s.contains("Acme &amp; Co · Q3 2025"));
        assert!(s.contains(">−$2.5M</text>") && s.contains(">Non-GAAP</text>"));
        assert!(s.contains("#b0282c"), "a miss is red");
        assert!(s.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\""
        ));
    }

    #[test]
    fn long_titles_wrap_and_stop() {
        assert_eq!(
            wrap("one two three four", 9, 5),
            ["one two", "three", "four"]
        );
        assert_eq!(wrap("one two three four", 9, 2), ["one two", "three…"]);
    }

    #[test]
    fn it_renders_a_png_of_the_right_size() {
        let Ok(renderer) = Renderer::new() else {
            panic!("install fonts-dejavu-core (scripts/setup.sh does)");
        };
        let png = renderer.png(&svg(&headline())).unwrap();
        assert_eq!(&png[1..4], b"PNG");
        // Width and height sit big-endian in the IHDR chunk.
        assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), WIDTH);
        assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), HEIGHT);
    }
}
