//! Plain text: UTF-8 (BOM stripped), UTF-16 LE/BE with BOM, Windows-1252 fallback; CRLF and CR
//! line ends. One paragraph block per non-blank line and an empty line for each blank one, so
//! that line N of the normalised text is line N of the file.

use crate::ReadOptions;
use flowdown_core::{BlockKind, Document, DocumentBuilder, Error, Format};
use std::borrow::Cow;

/// Reads plain text. One block per non-blank line (segmentation joins wrapped lines).
///
/// # Errors
/// Never fails today: every byte sequence decodes (Windows-1252 maps all bytes). The `Result`
/// keeps the reader signature uniform.
pub fn read(name: &str, bytes: &[u8], _opts: &ReadOptions) -> Result<Document, Error> {
    let text = decode(bytes);
    let mut b = DocumentBuilder::new(name, Format::Text);
    for_each_line(&text, |line| {
        if line.trim().is_empty() {
            b.push_blank_line();
        } else {
            b.push_block(BlockKind::Paragraph, &clean_line(line));
        }
    });
    Ok(b.finish())
}

/// Decodes bytes to text: a BOM decides (UTF-8, UTF-16 LE, UTF-16 BE); otherwise valid UTF-8
/// is taken as is, BOM-less UTF-16 is recognised by its zero bytes, and anything else is read
/// as Windows-1252.
#[must_use]
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (s, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(rest);
        return Cow::Owned(s.into_owned());
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (s, _) = encoding_rs::UTF_16BE.decode_without_bom_handling(rest);
        return Cow::Owned(s.into_owned());
    }
    if let Some(enc) = bomless_utf16(bytes) {
        let (s, _) = enc.decode_without_bom_handling(bytes);
        return Cow::Owned(s.into_owned());
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Cow::Owned(s.into_owned())
        }
    }
}

/// UTF-16 without a BOM: in text that is mostly ASCII, every other byte is zero.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..bytes.len().min(4096))?;
    if sample.len() < 8 || sample.len() % 2 != 0 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_zero += usize::from(*a == 0);
            odd_zero += usize::from(*b == 0);
        }
    }
    if odd_zero * 10 >= pairs * 9 && even_zero * 10 <= pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 9 && odd_zero * 10 <= pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// Calls `f` for each line, splitting at LF, CRLF and lone CR. A final line end does not open
/// an extra empty line.
pub(crate) fn for_each_line(text: &str, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while let Some(off) = memchr::memchr2(b'\n', b'\r', bytes.get(i..).unwrap_or_default()) {
        let at = i + off;
        f(text.get(start..at).unwrap_or_default());
        i = at + 1;
        if bytes.get(at) == Some(&b'\r') && bytes.get(at + 1) == Some(&b'\n') {
            i += 1;
        }
        start = i;
    }
    if start < text.len() {
        f(text.get(start..).unwrap_or_default());
    }
}

/// Replaces NUL and other control characters (except tab and form feed) by spaces.
pub(crate) fn clean_line(line: &str) -> Cow<'_, str> {
    // Fast path: ASCII controls are bytes below 0x20 and 0x7F; C1 controls are C2 80..9F.
    let b = line.as_bytes();
    if !b.iter().any(|&c| c < 0x20 || c == 0x7f || c == 0xc2) {
        return Cow::Borrowed(line);
    }
    let has_control = b.iter().enumerate().any(|(i, &c)| {
        (c < 0x20 && c != b'\t' && c != 0x0c)
            || c == 0x7f
            || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    });
    if !has_control {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        line.chars()
            .map(|c| {
                if c.is_control() && c != '\t' && c != '\x0c' {
                    ' '
                } else {
                    c
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_str(bytes: &[u8]) -> Document {
        read("t.txt", bytes, &ReadOptions::default()).unwrap()
    }

    #[test]
    fn keeps_lines() {
        let d = read_str(b"One\r\n\r\n  Two\rThree\n   \nFour\n");
        assert_eq!(d.text, "One\n\n  Two\nThree\n\nFour\n");
        assert_eq!(d.blocks.len(), 4);
        assert_eq!(d.slice(d.blocks[1].span), "  Two");
        assert_eq!(d.line_col(d.blocks[3].span.start), (6, 1));
    }

    #[test]
    fn decodes_utf16_and_1252() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Caf\u{e9}\r\nX".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(read_str(&le).text, "Caf\u{e9}\nX\n");
        let mut be = vec![0xFE, 0xFF];
        for u in "A\u{2019}s".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(read_str(&be).text, "A\u{2019}s\n");
        assert_eq!(
            read_str(b"\x93quoted\x94 caf\xe9").text,
            "\u{201c}quoted\u{201d} caf\u{e9}\n"
        );
        assert_eq!(read_str(b"\xEF\xBB\xBFBOM").text, "BOM\n");
        let mut bomless = Vec::new();
        for u in "Plain text in UTF-16".encode_utf16() {
            bomless.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(read_str(&bomless).text, "Plain text in UTF-16\n");
    }

    #[test]
    fn controls_become_spaces() {
        let d = read_str(b"a\0b\x07c\td\x0ce");
        assert_eq!(d.text, "a b c\td\x0ce\n");
    }
}
