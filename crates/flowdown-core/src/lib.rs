//! Types shared by every flowdown crate: the document model with locations, provisions,
//! parties and supply links, requirements and packs, findings, statuses and typed errors.
//!
//! This crate does no I/O and knows no format or rule; data flows
//! read (`flowdown-ingest`) → normalise (this model) → match and judge (`flowdown`) → report.
//!
//! ```
//! use flowdown_core::{DocumentBuilder, BlockKind, Format};
//! let mut b = DocumentBuilder::new("contract.txt", Format::Text);
//! b.push_block(BlockKind::Paragraph, "The Supplier shall not engage in trafficking.");
//! let doc = b.finish();
//! assert_eq!(doc.line_col(4), (1, 5));
//! ```
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
#![deny(missing_docs)]

mod document;
mod error;
mod finding;
mod requirement;
mod supply;

pub use document::*;
pub use error::*;
pub use finding::*;
pub use requirement::*;
pub use supply::*;
