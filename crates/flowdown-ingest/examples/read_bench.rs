//! Reads every file of a directory (format detection, reader, segmentation) on one thread and
//! prints documents per second. Used by `bench/docx/run.sh`.

use std::time::Instant;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: read_bench DIR [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let opts = flowdown_ingest::ReadOptions::default();
    let mut best = f64::MAX;
    let (mut blocks, mut errors) = (0usize, 0usize);
    for _ in 0..rounds {
        blocks = 0;
        errors = 0;
        let t = Instant::now();
        for f in &files {
            match flowdown_ingest::read_path(f, &opts) {
                Ok(d) => blocks += d.blocks.len(),
                Err(_) => errors += 1,
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let n = files.len() as f64;
    println!(
        "files {} | bytes {} | blocks {} | errors {} | best of {} rounds {:.3} s | {:.0} docs/s | {:.1} MB/s (compressed)",
        files.len(),
        bytes,
        blocks,
        errors,
        rounds,
        best,
        n / best,
        bytes as f64 / best / 1e6
    );
}
