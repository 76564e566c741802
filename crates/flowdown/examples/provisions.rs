//! Prints the provision tree of a document: `cargo run --example provisions -- FILE`.
#![expect(clippy::print_stdout, reason = "a developer tool that prints")]

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        println!("usage: provisions FILE");
        return;
    };
    match flowdown::ingest::read_path(
        std::path::Path::new(&path),
        &flowdown::ingest::ReadOptions::default(),
    ) {
        Ok(doc) => {
            for (i, p) in doc.provisions.iter().enumerate() {
                let text: String = doc.slice(p.span).chars().take(70).collect();
                println!(
                    "{i:>4} {:indent$}{:?} num={:?} title={:?} parent={:?} line={} | {}",
                    "",
                    p.kind,
                    p.number,
                    p.title,
                    p.parent,
                    doc.line_col(p.span.start).0,
                    text.replace('\n', " "),
                    indent = usize::from(p.depth) * 2
                );
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
