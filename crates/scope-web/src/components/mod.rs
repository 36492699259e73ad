//! One file per component.

mod site_footer;
mod site_header;
mod tool_nav;
mod tool_placeholder;

pub use site_footer::SiteFooter;
pub use site_header::SiteHeader;
pub use tool_nav::{ToolNav, ToolNavProps};
pub use tool_placeholder::{ToolPlaceholder, ToolPlaceholderProps};
