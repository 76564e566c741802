//! Times the phases of `flowdown check` on text files, summed over the files: reading,
//! the language test, segmentation and the gate plus judge, and lists the files the judge
//! spends most on.
//!
//!     cargo run --release -p flowdown --example text_phases -- FILE...

use std::time::{Duration, Instant};

fn main() {
    let pack = flowdown::Pack::builtin();
    let opts = flowdown::CheckOptions::default();
    let t0 = Instant::now();
    let _ = flowdown::check_text(
        &pack,
        "warm.txt",
        "The Supplier shall not engage in forced labour.",
        &opts,
    );
    let startup = t0.elapsed();
    let (mut read, mut lang, mut seg, mut judge) = (
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
        Duration::ZERO,
    );
    let mut per_file = Vec::new();
    let mut bytes = 0usize;
    for path in std::env::args().skip(1) {
        let t = Instant::now();
        let Ok(mut doc) = flowdown::ingest::read_path_unsegmented(path.as_ref(), &opts.read) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        read += t.elapsed();
        bytes += doc.text.len();
        let t = Instant::now();
        let _ = flowdown::ingest::language::looks_english(&doc.text);
        lang += t.elapsed();
        let t = Instant::now();
        flowdown::ingest::segment::segment(&mut doc);
        seg += t.elapsed();
        let t = Instant::now();
        let r = flowdown::check_document(&pack, &doc, &opts);
        let d = t.elapsed();
        judge += d;
        let non_missing = r
            .requirements
            .iter()
            .filter(|q| q.status != flowdown::Status::Missing)
            .count();
        per_file.push((d, doc.text.len(), non_missing, path));
    }
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{} files, {:.1} MB; startup {:.1} ms, read {:.1} ms, language {:.1} ms, segment {:.1} ms, gate+judge {:.1} ms",
        per_file.len(),
        bytes as f64 / 1e6,
        ms(startup),
        ms(read),
        ms(lang),
        ms(seg),
        ms(judge)
    );
    per_file.sort_by_key(|f| std::cmp::Reverse(f.0));
    let slow = per_file
        .iter()
        .filter(|f| f.0 > Duration::from_micros(500))
        .count();
    println!("{slow} files over 0.5 ms in gate+judge; the slowest:");
    for (d, len, nm, path) in per_file.iter().take(15) {
        println!("{:8.2} ms {:8} B {nm:2} non-missing  {path}", ms(*d), len);
    }
}
