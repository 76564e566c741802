//! Reads names on standard input, one a line, and writes flowdown's normalised form of each
//! (keys, sorted, space-separated) — the same normalisation the matcher uses. The screening
//! benchmark feeds rapidfuzz with it (`bench/screen/run.sh`).

use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let n = flowdown::screen::normalize::normalize_name(&line?);
        writeln!(out, "{}", n.sorted())?;
    }
    out.flush()
}
