//! Screening: parties against exclusion, sanctions and forced-labour lists the user supplies,
//! and goods against the country × good risk table.
//!
//! read ([`lists`]) → normalise ([`normalize`]) → match ([`matcher`]); [`risk`] holds the
//! built-in US DOL ILAB table; [`country`] maps country names to ISO 3166-1 alpha-2.
//!
//! ```
//! use flowdown::screen::{Screener, Party, MatchOptions, lists::{parse_list, ListFormat}};
//! let list = parse_list("name,aliases,country\nAcme Trading LLC,,RU\n", "l.csv", "l", ListFormat::Csv).unwrap();
//! let s = Screener::new(vec![list]);
//! let m = s.screen(&Party::named("ACME Trading Ltd").in_country("RU"), &MatchOptions::default());
//! assert_eq!(m.len(), 1);
//! assert_eq!(m[0].explanation.legal_forms_dropped.party, ["ltd"]);
//! ```

pub mod country;
pub mod lists;
pub mod matcher;
pub mod normalize;
pub mod parties;
pub mod report;
pub mod risk;
pub mod seam;

pub use lists::{read_list, Identifier, ListEntry, ScreeningList};
pub use matcher::{compare, Match, MatchOptions, Party, Screener, DEFAULT_THRESHOLD};
pub use report::ScreenReport;
pub use risk::{RiskHit, RiskTable};
pub use seam::FuzzyListScreen;

/// Reads the parties and the lists, screens every party (on `threads` threads) and reports.
/// Unreadable lists are reported as errors beside the results of the others.
///
/// # Errors
/// The parties file cannot be read.
pub fn screen_paths(
    parties: &std::path::Path,
    list_paths: &[std::path::PathBuf],
    opts: &MatchOptions,
    threads: usize,
) -> flowdown_core::Result<ScreenReport> {
    let parties = parties::read_parties(parties)?;
    let mut lists = Vec::new();
    let mut infos = Vec::new();
    let mut errors = Vec::new();
    for p in list_paths {
        match read_list(p) {
            Ok(l) => {
                infos.push(report::ListInfo {
                    path: p.display().to_string(),
                    entries: l.entries.len(),
                    skipped: l.skipped.clone(),
                });
                lists.push(l);
            }
            Err(e) => errors.push(e),
        }
    }
    let screener = Screener::new(lists);
    let matches = screener.screen_all(&parties, opts, threads);
    Ok(ScreenReport::new(
        opts.threshold,
        infos,
        errors,
        parties,
        matches,
    ))
}
