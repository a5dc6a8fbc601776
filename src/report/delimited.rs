//! CSV (RFC 4180) and GitHub Markdown tables from rows of optional text.

/// One CSV line; fields with a comma, quote or line break are quoted, `None` is empty.
pub fn csv_line(fields: &[Option<String>]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| match field {
            None => String::new(),
            Some(text) if text.contains([',', '"', '\n', '\r']) => {
                format!("\"{}\"", text.replace('"', "\"\""))
            }
            Some(text) => text.clone(),
        })
        .collect();
    quoted.join(",") + "\r\n"
}

/// A GitHub Markdown table; `right` marks the columns aligned right.
pub fn markdown_table(headings: &[&str], right: &[bool], rows: &[Vec<Option<String>>]) -> String {
    // Control characters shown escaped (no raw byte reaches a terminal), then
    // Markdown's own escapes.
    let escape = |text: &str| {
        crate::text::printable(text)
            .replace('\\', "\\\\")
            .replace('|', "\\|")
    };
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(headings.iter().map(|h| escape(h)).collect());
    out += &line(
        right
            .iter()
            .map(|r| if *r { "---:" } else { "---" }.to_string())
            .collect(),
    );
    for row in rows {
        out += &line(
            row.iter()
                .map(|cell| escape(cell.as_deref().unwrap_or("")))
                .collect(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let fields = [
            Some("88vip".to_string()),
            Some("Say \"hi\", all".to_string()),
            None,
        ];
        assert_eq!(csv_line(&fields), "88vip,\"Say \"\"hi\"\", all\",\r\n");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let table = markdown_table(
            &["a", "b"],
            &[false, true],
            &[vec![Some("x|y".into()), None]],
        );
        assert_eq!(table, "| a | b |\n| --- | ---: |\n| x\\|y |  |\n");
    }
}
