//! What the components share of the state, compared by identity.

use std::ops::Deref;
use std::rc::Rc;

/// An `Rc` whose equality is identity. Yew draws a component again when its props differ, and an
/// `Rc<Report>` compares the reports themselves (a report holds floats, so it is not `Eq` and
/// gets no pointer shortcut): every filter, search or click on a township roll-up compared its 6,150
/// rows once per component. A report is never changed in place, only replaced, so the same
/// pointer is the same report.
#[derive(Debug)]
pub struct Shared<T>(Rc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Rc::new(value))
    }
}

impl<T> From<Box<T>> for Shared<T> {
    fn from(value: Box<T>) -> Shared<T> {
        Shared(Rc::from(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Shared<T>) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}
