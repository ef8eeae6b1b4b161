//! Take-aways: the report as .xlsx and CSV, and a blank submission template that duibiao reads
//! back with no manual mapping. Made in memory, so the page and the CLI share them.

mod report_csv;
mod report_xlsx;
mod template;

pub use report_csv::report_csv;
pub use report_xlsx::report_xlsx;
pub use template::template_xlsx;

use std::fmt;

/// Writing a workbook failed (rust_xlsxwriter's reason, which names the sheet or cell).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "无法生成文件 could not write the file: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

impl From<rust_xlsxwriter::XlsxError> for ExportError {
    fn from(e: rust_xlsxwriter::XlsxError) -> ExportError {
        ExportError(e.to_string())
    }
}

/// "2026-11-28 15:10 UTC" from seconds since 1970 (the shells supply the clock).
pub fn utc_timestamp(unix_seconds: i64) -> String {
    let days = unix_seconds.div_euclid(86_400);
    let seconds = unix_seconds.rem_euclid(86_400);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02} UTC",
        seconds / 3600,
        seconds % 3600 / 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_civil_utc() {
        assert_eq!(utc_timestamp(0), "1970-01-01 00:00 UTC");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29 00:00 UTC");
        assert_eq!(utc_timestamp(1_795_878_600), "2026-11-28 15:10 UTC");
    }
}
