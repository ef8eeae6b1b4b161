//! CSV, TSV and plain-text tables: encoding detection, delimiter detection, quoted fields.
//!
//! UTF-8 and UTF-16 are decoded by the standard library, GB18030 by the decoder the host hands
//! the core ([`Codecs`]): encoding_rs natively, the browser's own in the page, whose reader then
//! carries no GBK tables.

use super::value::RawCell;
use super::{Grid, IngestErrorKind, MAX_CELLS};
use crate::Codecs;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf16le,
    Utf16be,
    /// GBK files are GB18030 files: GB18030 is its superset.
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16le => "UTF-16LE",
            TextEncoding::Utf16be => "UTF-16BE",
            TextEncoding::Gb18030 => "GB18030/GBK",
        }
    }

    pub fn parse(name: &str) -> Option<TextEncoding> {
        match name.to_ascii_lowercase().replace(['-', '_'], "").as_str() {
            "utf8" => Some(TextEncoding::Utf8),
            "utf16" | "utf16le" => Some(TextEncoding::Utf16le),
            "utf16be" => Some(TextEncoding::Utf16be),
            "gbk" | "gb2312" | "gb18030" | "cp936" => Some(TextEncoding::Gb18030),
            _ => None,
        }
    }
}

/// Decodes and splits a delimited text file into one grid named "CSV".
pub fn read_delimited(
    bytes: &[u8],
    forced: Option<TextEncoding>,
    codecs: &Codecs,
) -> Result<(Grid, TextEncoding), IngestErrorKind> {
    let (text, encoding) = decode_text(bytes, forced, codecs)?;
    let delimiter = detect_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut cells = 0usize;
    for record in reader.records() {
        // The csv crate only fails on I/O or UTF-8 here; the text is already valid UTF-8.
        let Ok(record) = record else { break };
        cells += record.len();
        if cells > MAX_CELLS {
            return Err(IngestErrorKind::TooManyCells {
                cells: cells as u64,
                limit: MAX_CELLS,
            });
        }
        let mut row: Vec<RawCell> = record
            .iter()
            .map(|field| {
                if field.trim().is_empty() {
                    RawCell::Empty
                } else {
                    RawCell::Text(field.to_string())
                }
            })
            .collect();
        while row.last().is_some_and(RawCell::is_blank) {
            row.pop();
        }
        rows.push(row);
    }
    Ok((
        Grid {
            sheet_name: "CSV".into(),
            hidden: false,
            rows,
        },
        encoding,
    ))
}

/// BOM first; then strict UTF-8; then GB18030 (the default of Chinese Excel and WPS exports).
/// A chosen encoding is obeyed with U+FFFD for what it cannot decode, unless a BOM says otherwise.
pub fn decode_text(
    bytes: &[u8],
    forced: Option<TextEncoding>,
    codecs: &Codecs,
) -> Result<(String, TextEncoding), IngestErrorKind> {
    let bom = byte_order_mark(bytes);
    if let Some(chosen) = forced {
        let (encoding, body) = bom.map_or((chosen, bytes), |(e, len)| (e, &bytes[len..]));
        let text =
            decode_as(body, encoding, false, codecs).ok_or(IngestErrorKind::UnknownEncoding)?;
        return Ok((text, chosen));
    }
    let (encoding, body) = match bom {
        Some((encoding, len)) => (encoding, &bytes[len..]),
        None if std::str::from_utf8(bytes).is_ok() => (TextEncoding::Utf8, bytes),
        None => (TextEncoding::Gb18030, bytes),
    };
    match decode_as(body, encoding, true, codecs) {
        Some(text) => Ok((text, encoding)),
        None => Err(IngestErrorKind::UnknownEncoding),
    }
}

fn byte_order_mark(bytes: &[u8]) -> Option<(TextEncoding, usize)> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((TextEncoding::Utf8, 3))
    } else if bytes.starts_with(&[0xFF, 0xFE]) {
        Some((TextEncoding::Utf16le, 2))
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some((TextEncoding::Utf16be, 2))
    } else {
        None
    }
}

/// `bytes` (without a BOM) as `encoding`; `strict`: `None` on a malformed sequence rather than
/// U+FFFD in its place.
fn decode_as(
    bytes: &[u8],
    encoding: TextEncoding,
    strict: bool,
    codecs: &Codecs,
) -> Option<String> {
    let utf16 = |unit: fn([u8; 2]) -> u16| {
        let pairs = bytes.chunks_exact(2);
        let odd_byte = !pairs.remainder().is_empty();
        let units = pairs.map(|pair| unit([pair[0], pair[1]]));
        let mut text = String::with_capacity(bytes.len());
        for c in char::decode_utf16(units) {
            text.push(match c {
                Ok(c) => c,
                Err(_) if strict => return None,
                Err(_) => char::REPLACEMENT_CHARACTER,
            });
        }
        if odd_byte {
            if strict {
                return None;
            }
            text.push(char::REPLACEMENT_CHARACTER);
        }
        Some(text)
    };
    match encoding {
        TextEncoding::Utf8 if strict => std::str::from_utf8(bytes).ok().map(str::to_string),
        TextEncoding::Utf8 => Some(String::from_utf8_lossy(bytes).into_owned()),
        TextEncoding::Utf16le => utf16(u16::from_le_bytes),
        TextEncoding::Utf16be => utf16(u16::from_be_bytes),
        TextEncoding::Gb18030 => (codecs.decode_gb18030)(bytes, strict),
    }
}

/// Comma, tab or semicolon: the one that splits the most of the first lines the same way.
/// The Chinese comma "，" is text, never a delimiter.
fn detect_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (b',', 0usize);
    for candidate in [b',', b'\t', b';'] {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| count_outside_quotes(l, candidate))
            .collect();
        let lines_split = counts.iter().filter(|&&c| c > 0).count();
        let score = lines_split * 1000 + counts.iter().sum::<usize>().min(999);
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|&b| {
            if b == b'"' {
                quoted = !quoted;
            }
            b == delimiter && !quoted
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::GB18030;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|r| r.iter().map(RawCell::display).collect())
            .collect()
    }

    #[test]
    fn gbk_csv_is_detected_and_decoded() {
        let (bytes, _, _) = GB18030.encode("指标名称,2023年\n婴儿死亡率,3.2\n");
        let (grid, encoding) = read_delimited(&bytes, None, &Codecs::OWN).unwrap();
        assert_eq!(encoding, TextEncoding::Gb18030);
        assert_eq!(texts(&grid)[1], ["婴儿死亡率", "3.2"]);
    }

    #[test]
    fn utf8_with_bom_and_quoted_line_breaks() {
        let text = "\u{feff}指标名称,2023年,备注\n\"婴儿\n死亡率\",3.2,\"含，逗号\"\n";
        let (grid, encoding) = read_delimited(text.as_bytes(), None, &Codecs::OWN).unwrap();
        assert_eq!(encoding, TextEncoding::Utf8);
        assert_eq!(texts(&grid)[0][0], "指标名称");
        assert_eq!(texts(&grid)[1], ["婴儿\n死亡率", "3.2", "含，逗号"]);
    }

    #[test]
    fn tab_and_semicolon_delimiters_and_chinese_commas() {
        let (grid, _) =
            read_delimited("指标\t2023年\n甲，乙\t1\n".as_bytes(), None, &Codecs::OWN).unwrap();
        assert_eq!(texts(&grid)[1], ["甲，乙", "1"]);
        let (grid, _) =
            read_delimited("指标;2023年\n甲;1,5\n".as_bytes(), None, &Codecs::OWN).unwrap();
        assert_eq!(texts(&grid)[1], ["甲", "1,5"]);
    }

    #[test]
    fn utf16_big_endian_and_broken_units() {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend("指标\t2023年\n".encode_utf16().flat_map(u16::to_be_bytes));
        let (text, encoding) = decode_text(&bytes, None, &Codecs::OWN).unwrap();
        assert_eq!(
            (text.as_str(), encoding),
            ("指标\t2023年\n", TextEncoding::Utf16be)
        );
        // A lone surrogate, then an odd byte: refused when detected, replaced when chosen.
        let broken = [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x42];
        assert_eq!(
            decode_text(&broken, None, &Codecs::OWN),
            Err(IngestErrorKind::UnknownEncoding)
        );
        let (text, _) = decode_text(&broken, Some(TextEncoding::Utf8), &Codecs::OWN).unwrap();
        assert_eq!(text, "\u{FFFD}A\u{FFFD}", "the BOM wins over the choice");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("指标\t2023年\n".encode_utf16().flat_map(u16::to_le_bytes));
        let (grid, encoding) = read_delimited(&bytes, None, &Codecs::OWN).unwrap();
        assert_eq!(encoding, TextEncoding::Utf16le);
        assert_eq!(texts(&grid)[0], ["指标", "2023年"]);
    }

    #[test]
    fn undecodable_bytes_are_refused_and_an_override_is_obeyed() {
        assert_eq!(
            read_delimited(&[0x80, 0xFF, 0x80, 0xFF], None, &Codecs::OWN).unwrap_err(),
            IngestErrorKind::UnknownEncoding
        );
        let (bytes, _, _) = GB18030.encode("婴儿死亡率");
        let (_, encoding) = read_delimited(&bytes, Some(TextEncoding::Utf8), &Codecs::OWN).unwrap();
        assert_eq!(encoding, TextEncoding::Utf8);
    }
}
