//! Developer aid: `FLOWDOWN_DUMP=path cargo test -p flowdown-ingest --test dump -- --nocapture`
//! prints the blocks a document is read into.

#[test]
fn dump() {
    let Ok(path) = std::env::var("FLOWDOWN_DUMP") else {
        return;
    };
    let opts = flowdown_ingest::ReadOptions::default();
    match flowdown_ingest::read_path(std::path::Path::new(&path), &opts) {
        Ok(d) => {
            for b in &d.blocks {
                println!(
                    "{:?} label={:?} lvl={:?} page={:?} idx={} | {}",
                    b.kind,
                    b.label,
                    b.level,
                    b.page,
                    b.index,
                    d.slice(b.span)
                );
            }
            for r in &d.revisions {
                println!(
                    "REV {:?} {:?} {:?} | {}",
                    r.kind,
                    r.author,
                    r.date,
                    d.slice(r.span)
                );
            }
        }
        Err(e) => println!("ERROR {}: {}", e.kind, e),
    }
}
