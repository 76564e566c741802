//! PDF text layer, extracted page by page with `pdf-extract` (over `lopdf`).
//!
//! - Every block carries its 1-based page.
//! - Running headers and footers are removed: a line among the first or last three lines of a
//!   page whose digit-blind form (page numbers differ) appears there on more than half of the
//!   pages (at least two).
//! - Lines join into paragraphs: a blank line (a vertical gap) or a line that starts with a
//!   clause number (`12.3`, `(a)`, `iv.`) starts a new one; a line ending in a hyphen after a
//!   letter joins the next line that starts with a lower-case letter without the hyphen.
//! - A PDF encrypted with a password (not openable with the empty one) is `encrypted`; a PDF
//!   whose pages hold no text is `no-text-layer`; a damaged one, or one with a page whose text
//!   cannot be extracted, is `malformed` (never read without that page). The object count
//!   is checked before and after the cross-reference table is loaded.

use super::xmlx::clean_text;
use crate::limits::exceeded;
use crate::ReadOptions;
use flowdown_core::{BlockKind, BlockMeta, Document, DocumentBuilder, Error, ErrorKind, Format};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Reads the text layer of a PDF.
///
/// # Errors
/// `encrypted`, `no-text-layer`, `malformed`, or `limit-exceeded` (`max-pdf-objects`).
pub fn read(name: &str, bytes: &[u8], opts: &ReadOptions) -> Result<Document, Error> {
    let max = opts.limits.max_pdf_objects;
    let approx = memchr::memmem::find_iter(bytes, b" obj").count();
    if approx > max {
        return Err(exceeded(
            name,
            "max-pdf-objects",
            approx as u64,
            max as u64,
            "PDF objects (counted before loading)",
        ));
    }
    let pages = extract_pages(name, bytes, max)?;
    if pages.iter().all(|p| p.trim().is_empty()) {
        return Err(Error::new(
            ErrorKind::NoTextLayer,
            name,
            "PDF has no text layer (a scan or an image-only PDF): run OCR first",
        ));
    }
    Ok(build(name, &pages))
}

fn extract_pages(name: &str, bytes: &[u8], max: usize) -> Result<Vec<String>, Error> {
    // The PDF libraries are not written for hostile input and may panic; a panic is reported
    // as a malformed PDF, never a crash.
    let loaded = catch_unwind(AssertUnwindSafe(|| pdf_extract::Document::load_mem(bytes)));
    let mut doc = match loaded {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            let msg = e.to_string();
            let kind = if msg.to_ascii_lowercase().contains("encrypt")
                || msg.to_ascii_lowercase().contains("password")
            {
                ErrorKind::Encrypted
            } else {
                ErrorKind::Malformed
            };
            return Err(Error::new(kind, name, format!("PDF cannot be read: {msg}")));
        }
        Err(_) => {
            return Err(Error::new(
                ErrorKind::Malformed,
                name,
                "PDF cannot be read: the parser failed on its structure",
            ))
        }
    };
    if doc.objects.len() > max {
        return Err(exceeded(
            name,
            "max-pdf-objects",
            doc.objects.len() as u64,
            max as u64,
            "PDF objects",
        ));
    }
    if doc.is_encrypted() {
        let ok = catch_unwind(AssertUnwindSafe(|| doc.decrypt(""))).is_ok_and(|r| r.is_ok());
        if !ok || doc.is_encrypted() {
            return Err(Error::new(
                ErrorKind::Encrypted,
                name,
                "PDF is encrypted with a password: remove the password and export it again",
            ));
        }
    }
    let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
    let mut pages = Vec::with_capacity(numbers.len());
    for n in numbers {
        let text = catch_unwind(AssertUnwindSafe(|| {
            let mut s = String::new();
            let r = {
                let mut out = pdf_extract::PlainTextOutput::new(&mut s);
                pdf_extract::output_doc_page(&doc, &mut out, n)
            };
            r.map(|()| s)
        }));
        match text {
            Ok(Ok(s)) => pages.push(s),
            // A page whose content cannot be interpreted (a bad font CMap, a damaged content
            // stream) would be judged without its text: the whole PDF is refused instead.
            Ok(Err(e)) => {
                return Err(Error::new(
                    ErrorKind::Malformed,
                    name,
                    format!("PDF page {n} cannot be read: {e}"),
                ))
            }
            Err(_) => {
                return Err(Error::new(
                    ErrorKind::Malformed,
                    name,
                    format!("PDF page {n} cannot be read: the text extractor failed on its content (fonts or content stream)"),
                ))
            }
        }
    }
    Ok(pages)
}

/// Lines of each page with running headers and footers removed; `None` marks a blank line.
fn page_lines(pages: &[String]) -> Vec<Vec<Option<String>>> {
    let lines: Vec<Vec<Option<String>>> = pages
        .iter()
        .map(|p| {
            p.lines()
                .map(|l| {
                    let l = clean_text(l).trim().to_owned();
                    (!l.is_empty()).then_some(l)
                })
                .collect()
        })
        .collect();
    let edge = |page: &[Option<String>]| -> Vec<usize> {
        let idx: Vec<usize> = page
            .iter()
            .enumerate()
            .filter(|(_, l)| l.is_some())
            .map(|(i, _)| i)
            .collect();
        let mut e: Vec<usize> = idx.iter().take(3).copied().collect();
        e.extend(idx.iter().rev().take(3).copied());
        e.sort_unstable();
        e.dedup();
        e
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for page in &lines {
        let mut seen: Vec<String> = edge(page)
            .into_iter()
            .filter_map(|i| page.get(i).cloned().flatten())
            .map(|l| digit_blind(&l))
            .collect();
        seen.sort();
        seen.dedup();
        for k in seen {
            *counts.entry(k).or_default() += 1;
        }
    }
    let n = lines.len();
    let running = |l: &str| {
        n >= 2
            && counts
                .get(&digit_blind(l))
                .is_some_and(|&c| c >= 2 && c * 2 > n)
    };
    lines
        .into_iter()
        .map(|page| {
            let drop = edge(&page);
            page.into_iter()
                .enumerate()
                .filter(|(i, l)| !(drop.contains(i) && l.as_deref().is_some_and(running)))
                .map(|(_, l)| l)
                .collect()
        })
        .collect()
}

fn digit_blind(l: &str) -> String {
    l.split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        '#'
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A line that opens a numbered clause or item.
fn starts_clause(l: &str) -> bool {
    let first = l.split_whitespace().next().unwrap_or_default();
    if matches!(
        first,
        "\u{2022}" | "\u{25cf}" | "\u{25aa}" | "\u{25e6}" | "\u{2013}" | "-" | "*" | "\u{f0b7}"
    ) {
        return true;
    }
    let core = first.trim_end_matches(['.', ')']);
    let core = core.strip_prefix('(').unwrap_or(core);
    if core.is_empty() || first.len() > 12 {
        return false;
    }
    let numeric = core
        .split('.')
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let lettered = (first.starts_with('(') || first.ends_with(')'))
        && core.len() <= 4
        && core.chars().all(|c| c.is_ascii_alphabetic());
    numeric || lettered
}

/// Numbering and text glued together by the extractor (`1.1In`, `(a)use`) get their space back.
fn space_after_number(line: &str) -> String {
    static RE: std::sync::OnceLock<Option<regex::Regex>> = std::sync::OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"^(\d{1,3}(?:\.\d{1,3})*\.?|\([a-zA-Z]{1,4}\)|\(\d{1,3}\))([A-Za-z\u{201c}\u{2018}\x22'])").ok()
    });
    match re {
        Some(re) => re.replace(line, "$1 $2").into_owned(),
        None => line.to_owned(),
    }
}

/// The word before a line-end hyphen is capitalised or a usual compound head (`Sub-`,
/// `forty-`, `non-`): the hyphen is part of the word, not a hyphenation.
fn compound_head(cur: &str) -> bool {
    let word = cur
        .trim_end_matches('-')
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if word.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    const HEADS: &[&str] = &[
        "sub", "co", "non", "anti", "self", "cross", "well", "full", "part", "long", "short",
        "third", "first", "second", "pre", "post", "multi", "inter", "over", "under", "whistle",
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "year", "day", "month",
        "end", "high", "low", "cost", "risk", "time", "case", "e",
    ];
    HEADS.contains(&word.to_ascii_lowercase().as_str())
}

fn build(name: &str, pages: &[String]) -> Document {
    let mut b = DocumentBuilder::new(name, Format::Pdf);
    let mut cur = String::new();
    let mut cur_page = 1u32;
    let mut index = 0u32;
    let mut flush = |b: &mut DocumentBuilder, cur: &mut String, page: u32| {
        if cur.trim().is_empty() {
            cur.clear();
            return;
        }
        b.end_block();
        b.set_meta(BlockMeta {
            page: Some(page),
            index: Some(index),
            ..BlockMeta::default()
        });
        index += 1;
        b.push_block(BlockKind::Paragraph, cur.trim());
        cur.clear();
    };
    let mut prev_short = false;
    for (pi, mut page) in page_lines(pages).into_iter().enumerate() {
        let page_no = u32::try_from(pi + 1).unwrap_or(u32::MAX);
        // Blank lines at the top or bottom of a page are layout, not paragraph breaks.
        while page.last().is_some_and(Option::is_none) {
            page.pop();
        }
        let first = page.iter().position(Option::is_some).unwrap_or(page.len());
        page.drain(..first);
        // A line that stops well short of the page's longest line ends its paragraph.
        let widest = page
            .iter()
            .flatten()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0);
        for line in page {
            let Some(line) = line else {
                flush(&mut b, &mut cur, cur_page);
                continue;
            };
            let line = space_after_number(&line);
            if starts_clause(&line) || prev_short {
                flush(&mut b, &mut cur, cur_page);
            }
            let len = line.chars().count();
            prev_short = len * 10 < widest * 7 && !line.ends_with(['-', ',', ';']);
            if cur.is_empty() {
                cur_page = page_no;
                cur.push_str(&line);
                continue;
            }
            let hyphenated = cur.ends_with('-')
                && cur.chars().rev().nth(1).is_some_and(char::is_alphabetic)
                && line.chars().next().is_some_and(char::is_lowercase);
            if hyphenated && !compound_head(&cur) {
                cur.pop();
            } else if hyphenated {
                // A real compound split at its hyphen: keep the hyphen, join without space.
            } else {
                cur.push(' ');
            }
            cur.push_str(&line);
        }
    }
    flush(&mut b, &mut cur, cur_page);
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lines_and_removes_running_lines() {
        let pages = vec![
            "ACME Services Agreement\n4.1 The Supplier shall not engage in or support traffick-\ning in persons and shall ensure that its Sub-\ncontractors at every tier do not do so either\n(a) first item text that runs to the full width of the\npage.\nPage 1 of 3".to_owned(),
            "ACME Services Agreement\nThe paragraph that began here continues over the\nbreak of the page and ends on this line here ok.\n\nNew para.\nPage 2 of 3".to_owned(),
            "ACME Services Agreement\nlast page text\nPage 3 of 3".to_owned(),
        ];
        let d = build("x.pdf", &pages);
        let blocks: Vec<(&str, Option<u32>)> =
            d.blocks.iter().map(|b| (d.slice(b.span), b.page)).collect();
        assert_eq!(
            blocks,
            vec![
                ("4.1 The Supplier shall not engage in or support trafficking in persons and shall ensure that its Sub-contractors at every tier do not do so either", Some(1)),
                ("(a) first item text that runs to the full width of the page.", Some(1)),
                ("The paragraph that began here continues over the break of the page and ends on this line here ok.", Some(2)),
                ("New para.", Some(2)),
                ("last page text", Some(3)),
            ]
        );
    }
}
