//! Labelled inputs whose errors come from scope-core, shown next to the field.

use scope_core::workbench::session::{Edit, Session, TextField};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::class;

#[derive(Properties, PartialEq)]
pub struct TextInputProps {
    /// Unique element id (also names the error element).
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// "text", "number" (as text with a numeric keyboard) ...
    #[prop_or(AttrValue::from("text"))]
    pub inputmode: AttrValue,
    pub on_change: Callback<String>,
}

/// An `oninput` that hands the input's text to `on_text`: the one place the app reads an input.
pub fn on_input(on_text: impl Fn(String) + 'static) -> Callback<InputEvent> {
    Callback::from(move |e: InputEvent| {
        on_text(e.target_unchecked_into::<HtmlInputElement>().value())
    })
}

/// An `onchange` that hands the input's text to `on_text` (when the user leaves the field).
pub fn on_change(on_text: impl Fn(String) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| on_text(e.target_unchecked_into::<HtmlInputElement>().value()))
}

/// An `onchange` that hands a checkbox's state to `on_checked`.
pub fn on_toggle(on_checked: impl Fn(bool) + 'static) -> Callback<Event> {
    Callback::from(move |e: Event| {
        on_checked(e.target_unchecked_into::<HtmlInputElement>().checked())
    })
}

/// A text input that reports every keystroke.
#[component]
pub fn TextInput(props: &TextInputProps) -> Html {
    let oninput = {
        let on_change = props.on_change.clone();
        on_input(move |text| on_change.emit(text))
    };
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    html! {
        <div class={class("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                type="text"
                inputmode={props.inputmode.clone()}
                autocomplete="off"
                value={props.value.clone()}
                aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| error_id.clone())}
                {oninput}
            />
            if let Some(hint) = &props.hint {
                <span class="hint">{ hint.clone() }</span>
            }
            if let Some(error) = &props.error {
                <span class="error" id={error_id} role="alert">{ error.clone() }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectInputProps {
    pub id: AttrValue,
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub on_change: Callback<String>,
}

/// A select that shows `value` after every render, also when the user picked another option
/// that the parent did not take (the Load select, which always returns to "Start from..."):
/// an option's `selected` attribute no longer moves a select the user has touched.
#[component]
pub fn SelectInput(props: &SelectInputProps) -> Html {
    let select = use_node_ref();
    {
        let select = select.clone();
        let value = props.value.clone();
        use_effect(move || {
            if let Some(el) = select.cast::<HtmlSelectElement>() {
                if el.value() != value.as_str() {
                    el.set_value(&value);
                }
            }
        });
    }
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let error_id = format!("{}-error", props.id);
    let invalid = props.error.is_some();
    html! {
        <div class={class("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select
                ref={select}
                id={props.id.clone()}
                aria-invalid={invalid.to_string()}
                aria-describedby={invalid.then(|| error_id.clone())}
                {onchange}
            >
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
            if let Some(hint) = &props.hint {
                <span class="hint">{ hint.clone() }</span>
            }
            if let Some(error) = &props.error {
                <span class="error" id={error_id} role="alert">{ error.clone() }</span>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The group's name and legend.
    pub name: AttrValue,
    pub legend: AttrValue,
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub on_change: Callback<String>,
}

/// A radio group in a fieldset: for small exclusive choices (market, build, path).
#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    html! {
        <fieldset class="choice">
            <legend>{ props.legend.clone() }</legend>
            { for props.options.iter().map(|(value, label)| {
                let id = format!("{}-{}", props.name, value);
                let on_change = props.on_change.clone();
                let v = value.to_string();
                html! {
                    <label for={id.clone()} class={class("option", (*value == props.value).then_some("checked"))}>
                        <input
                            type="radio"
                            id={id}
                            name={props.name.clone()}
                            value={value.clone()}
                            checked={*value == props.value}
                            onchange={Callback::from(move |_: Event| on_change.emit(v.clone()))}
                        />
                        { label.clone() }
                    </label>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct CaseFieldProps {
    pub session: Session,
    pub field: TextField,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or(AttrValue::from("text"))]
    pub inputmode: AttrValue,
    pub on_edit: Callback<Edit>,
}

/// A text field of the case: its text and error from the session, its edits back to it.
#[component]
pub fn CaseField(props: &CaseFieldProps) -> Html {
    let field = props.field;
    html! {
        <TextInput
            id={format!("cs-{}", field.path().replace('.', "-"))}
            label={props.label.clone()}
            value={props.session.text(field)}
            error={props.session.error(field.path())}
            hint={props.hint.clone()}
            inputmode={props.inputmode.clone()}
            on_change={props.on_edit.reform(move |v: String| Edit::Text(field, v))}
        />
    }
}
