//! Why a plan file was refused.

use super::PLAN_SCHEMA;
use std::fmt;

/// Why a plan file was refused: which entry, which field, what was expected.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    /// Not JSON, or a field of the wrong type or name; serde's message names line and column.
    Syntax {
        message: String,
    },
    WrongSchema {
        found: String,
    },
    Invalid {
        entry: String,
        field: &'static str,
        expected: String,
    },
    /// A plausibility check that cannot be used; the plan loads without it.
    CheckDropped {
        entry: String,
        field: &'static str,
        expected: String,
    },
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for PlanError {}

impl PlanError {
    pub fn message_zh(&self) -> String {
        match self {
            PlanError::Syntax { message } => format!("规划文件不是有效的规划 JSON：{message}"),
            PlanError::WrongSchema { found } => {
                format!("规划文件的 schema 应为 “{PLAN_SCHEMA}”，实际为 “{found}”")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!("规划文件中 {entry} 的字段 {field} 有误：应为{expected}")
            }
            PlanError::CheckDropped {
                entry,
                field,
                expected,
            } => format!(
                "规划文件中 {entry} 的字段 {field} 有误：应为{expected}。该条核对规则未使用，规划的其余内容照常使用"
            ),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            PlanError::Syntax { message } => {
                format!("The plan file is not valid plan JSON: {message}")
            }
            PlanError::WrongSchema { found } => {
                format!("The plan file's schema must be \"{PLAN_SCHEMA}\", found \"{found}\"")
            }
            PlanError::Invalid {
                entry,
                field,
                expected,
            } => {
                format!(
                    "In the plan file, field `{field}` of {entry} is wrong: expected {expected}"
                )
            }
            PlanError::CheckDropped {
                entry,
                field,
                expected,
            } => format!(
                "In the plan file, field `{field}` of {entry} is wrong: expected {expected}. That check is not used; the rest of the plan is"
            ),
        }
    }
}
