//! The default plan the readers carry (build.rs, as postcard) is the plan its file says.

#[test]
fn the_readers_default_plan_is_the_plan_file() {
    assert_eq!(
        duibiao::built_in_plan(),
        duibiao_core::plan::Plan::default_plan()
    );
}
