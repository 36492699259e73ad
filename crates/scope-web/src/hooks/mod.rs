//! Stateful concerns of the app, as custom hooks.

mod autosave;

pub use autosave::use_autosave;
