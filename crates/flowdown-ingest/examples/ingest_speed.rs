//! Throughput of reading and segmenting plain text: `cargo run --release -p flowdown-ingest
//! --example ingest_speed -- DIR` (default `../shared/corpus/contracts/cuad`).

use std::time::Instant;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus/contracts/cuad".to_owned());
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            if let Ok(b) = std::fs::read(&p) {
                files.push((p.display().to_string(), b));
            }
        }
    }
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let opts = flowdown_ingest::ReadOptions::default();
    let format = |name: &str| {
        if name.ends_with(".md") {
            flowdown_core::Format::Markdown
        } else {
            flowdown_core::Format::Text
        }
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    for round in 0..rounds {
        let t = Instant::now();
        let mut provisions = 0;
        let mut read_only = std::time::Duration::ZERO;
        for (name, b) in &files {
            let t0 = Instant::now();
            let mut d = flowdown_ingest::contract::read(format(name), name, b, &opts).unwrap();
            read_only += t0.elapsed();
            flowdown_ingest::segment::segment(&mut d);
            provisions += d.provisions.len();
        }
        let all = t.elapsed().as_secs_f64();
        let mb = bytes as f64 / 1e6;
        println!(
            "round {round}: {} files, {mb:.1} MB, {provisions} provisions: read+segment {:.0} MB/s, read {:.0} MB/s, segment {:.0} MB/s",
            files.len(),
            mb / all,
            mb / read_only.as_secs_f64(),
            mb / (all - read_only.as_secs_f64())
        );
    }
}
