package model

import (
	"fmt"
	"strings"
)

var piiNames = map[PII]string{
	NotPII: "", Name: "name", BirthDate: "birth date", Contact: "contact",
	BankAccount: "bank account", CitizenNumber: "BSN",
}

// Markdown documents the canonical model; docs/canonical-model.md is this
// text, kept current by a test.
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# The canonical model

<!-- Generated from model/model.go by "go test ./model -update"; do not edit by hand. -->

Every export is mapped onto these tables (see [manifest.md](manifest.md)). Key columns
(marked *) identify a record: a second row with the same key in one export is rejected
as a duplicate. Required columns must be present in an export mapped to the table, and
a row with a blank value in one is rejected, except where the column "may be blank"
(an end date that has not come yet). A required column marked "or the export row" is only
a record number (a note's, a breach's): an export without it leaves it out, and each row
gets its file and row as its number (` + "`Bitcare_bijzonderheden.csv#12`" + `); one marked "or the product" is,
without a column, the product of the system the export is listed under. Every table also gets two
provenance columns: ` + "`_file`" + ` (the export file, with the sheet in brackets) and ` + "`_row`" + `
(the line of a text file or the row of a sheet), so every finding points to the
exact row of the export.

Types: text; date (31-12-2025, 31/12/2025, 2025-12-31, 20251231, 1 maart 2025, an Excel date cell); timestamp
(a date, optionally with 14:05 or 14:05:33, and Z or +01:00 read but not applied); bool (ja/nee, j/n, yes/no, true/false,
waar/onwaar, 1/0, x); decimal (1234.56, 1.234,56, € 12,50); bsn (9 digits; spaces,
dots and a dropped leading zero are repaired; the 11-check is not required to load);
enum (one of the listed values; map the export's labels in the manifest's values:).

The PII column says which kind of personal data a column holds; reports use it to mask
or leave out data depending on their audience. Columns an export has beyond these are
not loaded (data minimisation).
`)
	for _, sys := range Systems {
		fmt.Fprintf(&b, "\n## System `%s`\n", sys)
		for _, t := range Tables {
			if t.System != sys {
				continue
			}
			fmt.Fprintf(&b, "\n### `%s`\n\n%s\n\n| column | type | required | PII | meaning |\n|---|---|---|---|---|\n", t.Name, t.Doc)
			for _, c := range t.Columns {
				name := c.Name
				if c.Key {
					name += " *"
				}
				typ := c.Type.String()
				if c.Type == Enum {
					typ += ": " + strings.Join(c.Values, ", ")
				}
				req := ""
				switch {
				case c.RowKey:
					req = "yes, or the export row"
				case c.ProductDefault:
					req = "yes, or the product"
				case c.Required && c.MayBeEmpty:
					req = "yes, may be blank"
				case c.Required:
					req = "yes"
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s |\n", name, typ, req, piiNames[c.PII], c.Doc)
			}
		}
	}
	b.WriteString(valuesMarkdown())
	return b.String()
}
