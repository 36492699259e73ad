//! The rules across a case that its shape alone does not hold, and what each command needs.
//! May import: support, case, process, maturity, agreement, evaluate, estimate.

pub mod needs;
