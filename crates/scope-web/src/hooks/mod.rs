//! Stateful concerns of the app, as custom hooks: autosave, share links, a case given later.

mod autosave;
mod given_case;
mod share_link;

pub use autosave::use_autosave;
pub use given_case::use_given_case;
pub use share_link::{use_open_shared_case, use_share_link};
