//! The screening evaluation set: precision and recall of the matcher at the default threshold on
//! `fixtures/screening/pairs.tsv`, and exact decisions on a listed subset.
//! Run with `--nocapture` to see the per-category table and the threshold sweep.

use flowdown::screen::{compare, ListEntry, Party, DEFAULT_THRESHOLD};

struct Pair {
    query: String,
    qc: String,
    entry: ListEntry,
    label: bool,
    category: String,
}

fn pairs() -> Vec<Pair> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../fixtures/screening/pairs.tsv"
    );
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("query\t") || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 7, "line {}: {line}", i + 1);
        let label = match f[5] {
            "match" => true,
            "no-match" => false,
            x => panic!("line {}: bad label {x}", i + 1),
        };
        out.push(Pair {
            query: f[0].trim_matches('"').to_string(),
            qc: f[1].to_string(),
            entry: ListEntry {
                id: format!("pairs:{}", i + 1),
                name: f[2].to_string(),
                aliases: f[3]
                    .split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                countries: if f[4].is_empty() {
                    vec![]
                } else {
                    vec![f[4].to_string()]
                },
                identifiers: vec![],
                list: "pairs".into(),
                source: None,
                origin: format!("pairs.tsv:{}", i + 1),
            },
            label,
            category: f[6].to_string(),
        });
    }
    out
}

fn score(p: &Pair) -> f64 {
    compare(&Party::named(&p.query).in_country(&p.qc), &p.entry).0
}

fn prf(scored: &[(bool, f64)], t: f64) -> (f64, f64, usize, usize, usize) {
    let tp = scored.iter().filter(|(l, s)| *l && *s >= t).count();
    let fp = scored.iter().filter(|(l, s)| !*l && *s >= t).count();
    let fnn = scored.iter().filter(|(l, s)| *l && *s < t).count();
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fnn == 0 {
        1.0
    } else {
        tp as f64 / (tp + fnn) as f64
    };
    (p, r, tp, fp, fnn)
}

#[test]
fn precision_and_recall_at_the_default_threshold() {
    let ps = pairs();
    assert!(ps.len() >= 300, "{} pairs", ps.len());
    let scored: Vec<(bool, f64)> = ps.iter().map(|p| (p.label, score(p))).collect();
    println!("threshold sweep (precision, recall):");
    for t in [0.80, 0.82, 0.84, 0.85, 0.86, 0.87, 0.88, 0.90, 0.92] {
        let (p, r, ..) = prf(&scored, t);
        println!("  {t:.2}: {p:.3} {r:.3}");
    }
    let mut cats: Vec<&str> = ps.iter().map(|p| p.category.as_str()).collect();
    cats.sort_unstable();
    cats.dedup();
    println!("per category at {DEFAULT_THRESHOLD}: pairs tp fp fn");
    for c in cats {
        let sub: Vec<(bool, f64)> = ps
            .iter()
            .zip(&scored)
            .filter(|(p, _)| p.category == c)
            .map(|(_, s)| *s)
            .collect();
        let (_, _, tp, fp, fnn) = prf(&sub, DEFAULT_THRESHOLD);
        println!("  {c:<16} {:>4} {tp:>4} {fp:>3} {fnn:>3}", sub.len());
    }
    for (p, (l, s)) in ps.iter().zip(&scored) {
        if *l != (*s >= DEFAULT_THRESHOLD) {
            println!(
                "  {} {:.3} [{}] {:?} ({}) vs {:?} ({})",
                if *l { "MISS" } else { "FALSE" },
                s,
                p.category,
                p.query,
                p.qc,
                p.entry.name,
                p.entry.countries.join(";")
            );
        }
    }
    let (p, r, tp, fp, fnn) = prf(&scored, DEFAULT_THRESHOLD);
    println!(
        "pairs {} precision {p:.3} recall {r:.3} (tp {tp}, fp {fp}, fn {fnn})",
        ps.len()
    );
    assert!(p >= 0.95, "precision {p:.3}");
    assert!(r >= 0.95, "recall {r:.3}");
}

/// Exact decisions on a listed subset (query, entry, expected match).
#[test]
fn exact_decisions_on_a_subset() {
    let ps = pairs();
    let expect: &[(&str, &str, bool)] = &[
        ("Acme Trading LLC", "ACME TRADING L.L.C.", true),
        ("Global Trading Ltd", "Global Trade Ltd", false),
        ("Globel Trading Ltd", "Global Trading Ltd", true),
        ("Rosoboronexport", "Рособоронэкспорт", true),
        ("Газпром нефть", "Gazprom Neft", true),
        ("Kontsern Kalashnikov", "АО «Концерн Калашников»", true),
        ("Beijing Huawei", "北京华为", true),
        ("Elliniki Petrelaia", "Ελληνικά Πετρέλαια", true),
        ("Trading Acme", "Acme Trading", true),
        ("NLM Shipping", "Polar Shipping Ltd", true),
        ("Smith Bros Mfg", "Smith Brothers Manufacturing", true),
        ("Ali Baba Group", "Alibaba Group", true),
        ("Zhejiang Huayou Cobalt", "Zhejiang Huayang Cobalt", false),
        ("Acme Trading 1", "Acme Trading 2", false),
        ("Ivan Petrov", "Ivan Petrenko", false),
        (
            "International Trading Company",
            "International Trade Company",
            false,
        ),
        ("General Trading LLC", "General Trading Co", false),
        ("Sovkomflot", "Sovkombank", false),
        ("North Star Shipping", "South Star Shipping", false),
    ];
    for (q, e, want) in expect {
        let p = ps
            .iter()
            .find(|p| p.query == *q && p.entry.name == *e)
            .unwrap_or_else(|| panic!("{q} / {e} not in pairs.tsv"));
        let s = score(p);
        assert_eq!(s >= DEFAULT_THRESHOLD, *want, "{q} vs {e}: {s:.3}");
    }
    // Same distinctive name, other country: not reported at the default threshold (a hard
    // negative), and the country penalty is explained.
    let p = ps
        .iter()
        .find(|p| p.query == "Acme Trading LLC" && p.qc == "AE")
        .unwrap();
    let (s, x) = compare(&Party::named(&p.query).in_country(&p.qc), &p.entry);
    assert_eq!(x.parts.country, -0.15);
    assert_eq!(x.parts.name, 1.0);
    assert!(s < DEFAULT_THRESHOLD);
    // Common-word name, other country: not reported.
    let p = ps
        .iter()
        .find(|p| p.query == "General Trading LLC" && p.entry.countries == ["OM"])
        .unwrap();
    assert!(score(p) < DEFAULT_THRESHOLD);
}
