//! The Yew shell (wasm32 only): shows what the core computed, never recomputes it.
//!
//! One component per file, named after what the user sees; app state lives in one reducer
//! ([`state::State`]) and flows down as props.

mod address;
mod app;
mod chapter_summary;
mod check_failure;
mod corrections;
mod downloads;
mod drafter;
mod drop_zone;
mod encoding_select;
mod error_alert;
mod file_facts;
pub mod i18n;
mod indicator_select;
mod intent;
mod lang;
mod number;
mod on_demand;
mod plan_panel;
mod plan_source;
mod print_signature;
mod region_matrix;
mod result_detail;
mod results;
mod results_filters;
mod results_table;
mod saved_plan;
pub mod shared;
pub mod state;
mod summary_cards;
mod unmatched_list;
mod use_check;
mod value_chart;
pub mod view;
mod year_prompt;

pub use app::App;
pub use downloads::{ReportDownloads, ReportDownloadsProps};
pub use error_alert::{ErrorAlert, ErrorAlertProps};
pub use result_detail::{ResultDetail, ResultDetailProps};
pub use results_filters::{ResultsFilters, ResultsFiltersProps};
pub use results_table::{ResultsTable, ResultsTableProps};
pub use summary_cards::{SummaryCards, SummaryCardsProps};

/// Mounts the app on the page's `<main id="app">` in place of the plain-HTML landing page.
pub fn start() {
    let root = gloo::utils::document().get_element_by_id("app");
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render()
        }
        None => yew::Renderer::<App>::new().render(),
    };
}
