//! What the core asks of the program that runs it: the decoders (and the one plan-file writer) a
//! host may do better than the core. Natively (the CLI, the tests) the core's own, [`Codecs::OWN`] (serde_json, encoding_rs);
//! in the browser the browser's own `JSON.parse` and `TextDecoder` (`src/web/codecs.rs`), so the
//! readers the page downloads link neither (serde_json and the GBK tables were 43 kB gzip of the
//! light reader). The shell chooses; the core never asks which target it runs on.

use crate::plan::{Plan, PlanError};

#[derive(Debug, Clone, Copy)]
pub struct Codecs {
    /// A plan file's JSON (its BOM already dropped) as a [`Plan`], not yet validated; a text that
    /// is not such JSON is `PlanError::Syntax` with the parser's words.
    pub parse_plan: fn(&str) -> Result<Plan, PlanError>,
    /// GB18030 (and so GBK) bytes as text, as the WHATWG decoder does it; `strict`: `None` at a
    /// malformed sequence instead of U+FFFD in its place.
    pub decode_gb18030: fn(&[u8], bool) -> Option<String>,
    /// A plan as a plan file's JSON text (the drafter's answer to the page); the host's JSON
    /// writer, for the same reason the reader is the host's.
    pub write_plan: fn(&Plan) -> Result<String, String>,
}

#[cfg(feature = "own-codecs")]
impl Codecs {
    /// serde_json and encoding_rs.
    pub const OWN: Codecs = Codecs {
        parse_plan: own::parse_plan,
        decode_gb18030: own::decode_gb18030,
        write_plan: own::write_plan,
    };
}

#[cfg(feature = "own-codecs")]
mod own {
    use crate::plan::{Plan, PlanError};

    pub fn parse_plan(text: &str) -> Result<Plan, PlanError> {
        serde_json::from_str(text).map_err(|e| PlanError::Syntax {
            // serde's own words, without the place it appends: that is `at`, said in both languages.
            message: e
                .to_string()
                .split(" at line ")
                .next()
                .unwrap_or_default()
                .to_string(),
            at: (e.line() > 0).then(|| (e.line(), e.column())),
        })
    }

    pub fn write_plan(plan: &Plan) -> Result<String, String> {
        plan.to_json().map_err(|e| e.to_string())
    }

    pub fn decode_gb18030(bytes: &[u8], strict: bool) -> Option<String> {
        let gb18030 = encoding_rs::GB18030;
        if strict {
            gb18030
                .decode_without_bom_handling_and_without_replacement(bytes)
                .map(std::borrow::Cow::into_owned)
        } else {
            Some(gb18030.decode_without_bom_handling(bytes).0.into_owned())
        }
    }
}
