//! The plan drafter (issue 26), from the plan's own text: work in progress. `phrase` reads one
//! clause's targets; splitting a text into clauses and sections, tables, the sentences left out and
//! the draft `Plan` are still to come. Nothing here consults the built-in catalogue.

pub mod phrase;
