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

pub use lists::{read_list, Identifier, ListEntry, ScreeningList};
pub use matcher::{compare, Match, MatchOptions, Party, Screener, DEFAULT_THRESHOLD};
pub use report::ScreenReport;
pub use risk::{RiskHit, RiskTable};
