//! AsyncAPI 2.x (channels with publish and subscribe) and 3.x (channels with messages, and
//! operations pointing at channels).

use super::refs::deref;
use super::{Api, Channel, MAX_OPERATIONS, Reader, Server, clip, text_of};
use crate::tree::{Id, Tree};

const MAX_FIELDS: usize = 200;

pub(super) fn read(r: &mut Reader<'_>, root: Id, api: &mut Api) {
    let tree = r.tree;
    for (name, s) in tree
        .entries(tree.get(root, "servers").unwrap_or(root))
        .iter()
        .take(100)
    {
        let s = deref(tree, *s);
        let host = tree.text(s, "host").or(tree.text(s, "url")).unwrap_or("");
        api.servers.push(Server {
            name: clip(name),
            url: clip(&format!("{host}{}", tree.text(s, "pathname").unwrap_or(""))),
            description: text_of(tree, s, "description"),
        });
    }
    let components = tree.get(root, "components");
    r.schemes(components.and_then(|c| tree.get(c, "securitySchemes")), api);
    let Some(channels) = tree.get(root, "channels") else {
        return;
    };
    // 3.x: operations name their channel by reference; their words join that channel's.
    let operations: Vec<(Id, Id)> = tree
        .entries(tree.get(root, "operations").unwrap_or(root))
        .iter()
        .take(MAX_OPERATIONS)
        .filter_map(|(_, op)| {
            let op = deref(tree, *op);
            Some((op, deref(tree, tree.get(op, "channel")?)))
        })
        .collect();
    for (key, channel) in tree.entries(channels) {
        if r.exhausted() || api.channels.len() >= MAX_OPERATIONS {
            return;
        }
        r.charge(10);
        let channel_ref = *channel;
        let channel = deref(tree, channel_ref);
        let mut c = Channel {
            name: clip(tree.text(channel, "address").unwrap_or(key)),
            ..Default::default()
        };
        words(tree, channel, &mut c);
        if c.name != *key {
            c.words.push(clip(key));
        }
        let mut parts = vec![channel];
        for op in ["subscribe", "publish"] {
            if let Some(op) = tree.get(channel, op) {
                let op = deref(tree, op);
                words(tree, op, &mut c);
                parts.push(op);
            }
        }
        // Operations pointing at this channel (a linear search each: charged to the budget).
        r.charge(operations.len() / 64);
        for (op, target) in &operations {
            if *target == channel {
                words(tree, *op, &mut c);
                parts.push(*op);
            }
        }
        for part in &parts {
            for message in messages(tree, *part) {
                words(tree, message, &mut c);
                for key in ["name", "messageId"] {
                    c.words.extend(tree.text(message, key).map(clip));
                }
                if let Some(payload) = tree.get(message, "payload") {
                    r.fields(payload, MAX_FIELDS, &mut c.fields);
                    c.described = true;
                }
            }
        }
        c.examples = parts.iter().any(|p| r.has_examples(*p));
        api.channels.push(c);
    }
}

/// Title, summary, description and operation id as words of the channel.
fn words(tree: &Tree, at: Id, c: &mut Channel) {
    for key in ["title", "summary", "operationId", "description"] {
        if let Some(t) = tree.text(at, key).filter(|t| !t.is_empty()) {
            c.described |= key != "operationId";
            if (key != "description" || t.len() < 200) && c.words.len() < 100 {
                c.words.push(clip(t));
            }
        }
    }
}

/// The messages under a channel or an operation: `message` (with `oneOf`) in 2.x, `messages` in
/// 3.x.
fn messages(tree: &Tree, at: Id) -> Vec<Id> {
    let mut out = Vec::new();
    if let Some(m) = tree.get(at, "message") {
        let m = deref(tree, m);
        match tree.get(m, "oneOf") {
            Some(list) => out.extend(tree.items(list).iter().take(100).map(|x| deref(tree, *x))),
            None => out.push(m),
        }
    }
    if let Some(ms) = tree.get(at, "messages") {
        out.extend(
            tree.entries(ms)
                .iter()
                .take(100)
                .map(|(_, m)| deref(tree, *m)),
        );
        out.extend(tree.items(ms).iter().take(100).map(|m| deref(tree, *m)));
    }
    out
}
