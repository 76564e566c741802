//! Kinds of provisions over a folder (developer aid): `cargo run -p flowdown-ingest --example
//! segment_stats -- DIR [KIND]` prints counts, and with a kind the first lines of that kind.

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .unwrap_or_else(|| "../shared/corpus/contracts/cuad".to_owned());
    let show = args.next();
    let mut counts = std::collections::BTreeMap::new();
    let mut shown = 0;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.sort();
    for p in paths {
        let Ok(d) = flowdown_ingest::read_path(&p, &flowdown_ingest::ReadOptions::default()) else {
            continue;
        };
        for pr in &d.provisions {
            let k = format!("{:?}", pr.kind);
            *counts.entry(k.clone()).or_insert(0usize) += 1;
            if show.as_deref() == Some(k.as_str()) && shown < 60 {
                shown += 1;
                let t: String = d.slice(pr.span).chars().take(110).collect();
                println!(
                    "{} | {:?} | {}",
                    p.file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .chars()
                        .take(25)
                        .collect::<String>(),
                    pr.number,
                    t.replace('\n', " / ")
                );
            }
        }
    }
    println!("{counts:?}");
}
