//! Prints the judge's result for each requirement of a document, with its evidence:
//! `cargo run --example judge_explain -- FILE [--supplier-term NAME]...`.
#![expect(clippy::print_stdout, reason = "a developer tool that prints")]

fn main() {
    let mut args = std::env::args().skip(1);
    let mut files = Vec::new();
    let mut opts = flowdown::CheckOptions::default();
    while let Some(a) = args.next() {
        if a == "--supplier-term" {
            if let Some(t) = args.next() {
                opts.supplier_terms.push(t);
            }
        } else {
            files.push(a);
        }
    }
    let pack = flowdown::Pack::builtin();
    for f in files {
        let report = flowdown::check_path(&pack, std::path::Path::new(&f), &opts);
        println!("== {f}");
        if let Some(e) = &report.error {
            println!("error: {e:?}");
        }
        for r in &report.requirements {
            println!("{:<24} {:<10} {}", r.id, r.status.as_str(), r.reason);
            for e in r.evidence.iter().take(3) {
                let t: String = e.text.chars().take(140).collect();
                println!("    L{} {:?} | {t}", e.line, e.clause);
            }
            for n in &r.notes {
                println!("    note: {n}");
            }
        }
    }
}
