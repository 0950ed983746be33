package audit

import (
	"fmt"
	"slices"

	"github.com/avgaudit/avgaudit/acceptance"
	"github.com/avgaudit/avgaudit/ingest"
	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/profiles"
	"github.com/avgaudit/avgaudit/queries"
	"github.com/avgaudit/avgaudit/results"
)

// describeColumns tells, per input, the columns the manifest does not
// load apart: SkippedColumns keeps only the export columns no check reads
// ("not loaded, not needed for the audit"); NeededColumns lists the
// canonical columns of the input's table that a check declares it reads
// but the input does not fill, with the export header that looks like one
// where there is one (a column read only to place findings, location or
// group_name, is not listed); UnusedColumns the canonical columns it fills
// that no check reads, not even to place a finding.
func describeColumns(inputs []results.Input, cols []ingest.ColumnInfo, checks []queries.Check) {
	read := queries.ReadColumns(checks)
	needed := map[string]bool{}     // read to judge, not only to place a finding
	either := map[string][]string{} // a column of a choice: the others, any of which will do
	for _, c := range checks {
		for _, r := range c.ColumnReads {
			if len(r.Either) > 0 {
				either[r.String()] = append(either[r.String()], r.Either...)
				continue
			}
			needed[r.String()] = true
		}
	}
	for i := range inputs {
		in := &inputs[i]
		t, ok := model.Lookup(in.Table)
		if !ok || in.Table == acceptance.Table { // the register is read by the audit itself
			continue
		}
		label := in.File
		if in.Sheet != "" {
			label = fmt.Sprintf("%s [%s]", in.File, in.Sheet)
		}
		filled, own := map[string]bool{}, map[string]bool{}
		var headers []string // export headers not loaded
		for _, c := range cols {
			if c.File != label || c.Sheet != in.Sheet || c.Table != in.Table {
				continue
			}
			if c.Column != "" {
				filled[c.Column] = true
				own[c.Column] = own[c.Column] || c.Position != ingest.JoinedPosition // not filled by a join's other part
			} else if c.Header != "" {
				headers = append(headers, c.Header)
			}
		}
		in.NeededColumns, in.UnusedColumns = []string{}, []string{}
		lookalike := map[string]bool{}
		for _, col := range t.Columns {
			switch key := in.Table + "." + col.Name; {
			case own[col.Name] && !read[key] && !col.Key && !col.Required:
				in.UnusedColumns = append(in.UnusedColumns, col.Name)
			case !filled[col.Name] && (needed[key] || (len(either[key]) > 0 && !slices.ContainsFunc(either[key], func(o string) bool { return filled[o] }))):
				name := col.Name
				if h := lookingLike(in.Table, col.Name, headers); h != "" {
					name += " (" + h + "?)"
					lookalike[h] = true
				}
				in.NeededColumns = append(in.NeededColumns, name)
			}
		}
		in.SkippedColumns = slices.DeleteFunc(in.SkippedColumns, func(h string) bool { return lookalike[h] })
	}
}

// lookingLike is the first of headers that profiles recognise as column
// of table, or "".
func lookingLike(table, column string, headers []string) string {
	for _, h := range headers {
		for _, s := range profiles.Synonyms(table, column) {
			if profiles.Key(s) == profiles.Key(h) {
				return h
			}
		}
	}
	return ""
}
