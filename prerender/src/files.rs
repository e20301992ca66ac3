//! Files of the build: writing one (its folder made as needed), and a
//! brotli and a gzip copy of every text file, for hosts that serve them.

use std::fs;
use std::io::Write;
use std::path::Path;

/// Writes a file of the build, making its folder.
pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

const COMPRESSIBLE: [&str; 9] = [
    "html", "js", "css", "wasm", "json", "svg", "txt", "csv", "xml",
];

/// Writes `X.br` and `X.gz` beside every text or wasm file `X` of the build
/// (the files the server would otherwise compress on each request, at a
/// lower level). Returns how many files it compressed.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let mut count = 0;
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            count += precompress(&path)?;
            continue;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut br = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            w.write_all(&bytes).map_err(|e| e.to_string())?;
        }
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        write(&path.with_file_name(format!("{name}.br")), br)?;
        write(&path.with_file_name(format!("{name}.gz")), gz)?;
        count += 1;
    }
    Ok(count)
}
