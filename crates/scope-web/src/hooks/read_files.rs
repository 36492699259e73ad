//! Files chosen or dropped together, read as text and handed over together, in their order,
//! once the last is read. Each file's size is checked before reading, so a huge file is never
//! loaded into memory.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{FileReader, read_as_text};
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

/// One file as read: its name, and its text or why it was not read.
pub type ReadFile = (String, Result<String, String>);

/// A file input and its drop zone: their handlers, and whether files are being dragged over.
pub struct FileDrop {
    pub onchange: Callback<Event>,
    pub ondrop: Callback<DragEvent>,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub dragging: bool,
}

/// The handlers of a file input and a drop zone that read the files chosen or dropped;
/// `too_large` says why a file of that many bytes is refused.
#[hook]
pub fn use_read_files(
    too_large: fn(u64) -> Option<String>,
    on_read: Callback<Vec<ReadFile>>,
) -> FileDrop {
    // The readers live as long as the component: dropping one cancels its read.
    let readers = use_mut_ref(Vec::<FileReader>::new);
    let dragging = use_state(|| false);
    let read = Callback::from(move |files: web_sys::FileList| {
        // A new choice replaces the last: its readers (and the text they hold) go.
        readers.borrow_mut().clear();
        let n = files.length() as usize;
        let results: Rc<RefCell<Vec<Option<ReadFile>>>> = Rc::new(RefCell::new(vec![None; n]));
        let done = {
            let on_read = on_read.clone();
            Rc::new(move |results: &RefCell<Vec<Option<ReadFile>>>| {
                if results.borrow().iter().all(Option::is_some) {
                    on_read.emit(results.take().into_iter().flatten().collect());
                }
            })
        };
        for i in 0..n {
            let Some(file) = files.get(i as u32) else {
                results.borrow_mut()[i] =
                    Some((String::new(), Err("the browser could not read it".into())));
                done(&results);
                continue;
            };
            let name = file.name();
            if let Some(problem) = too_large(file.size() as u64) {
                results.borrow_mut()[i] = Some((name, Err(problem)));
                done(&results);
                continue;
            }
            let (results, done) = (results.clone(), done.clone());
            let reader = read_as_text(&gloo::file::File::from(file), move |result| {
                let text = result.map_err(|e| format!("the browser could not read it ({e})"));
                results.borrow_mut()[i] = Some((name, text));
                done(&results);
            });
            readers.borrow_mut().push(reader);
        }
    });
    let onchange = {
        let read = read.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            if let Some(files) = input.files() {
                read.emit(files);
            }
            // Chosen again, the same file is read again.
            input.set_value("");
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(files) = e.data_transfer().and_then(|d| d.files()) {
                read.emit(files);
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    FileDrop {
        onchange,
        ondrop,
        ondragover,
        ondragleave,
        dragging: *dragging,
    }
}
