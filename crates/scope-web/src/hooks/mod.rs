//! Stateful concerns of the app, as custom hooks: autosave, share links, a case given later,
//! files read together.

mod autosave;
mod given_case;
mod read_files;
mod share_link;

pub use autosave::use_autosave;
pub use given_case::use_given_case;
pub use read_files::{FileDrop, ReadFile, use_read_files};
pub use share_link::{use_open_shared_case, use_share_link};
