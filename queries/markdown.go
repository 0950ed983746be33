package queries

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/avgaudit/avgaudit/policy"
)

// Markdown documents the catalogue: per area every check with its severity,
// titles, legal source, required tables and the policy settings it reads.
// docs/catalogue.md is this text for the built-in checks, kept current by a
// test.
func Markdown(checks []Check) string {
	var b strings.Builder
	b.WriteString(`# The check catalogue

<!-- Generated from queries/*.sql by "go test ./queries -update"; do not edit by hand. -->

Every check is one ` + "`.sql`" + ` file in [queries/](../queries) with a fixture folder in
` + "`queries/testdata/<id>/`" + `. ` + "`avgaudit checks show ID`" + ` prints a check's full
explanation, remedy and SQL. A check whose required tables were not supplied is
reported as *not run*, never as passed. Settings are explained in [policy.md](policy.md).
The last section lists each check's impact and population, the start of its
risk score (see [checks.md](checks.md#impact-and-population)).
`)
	params := policy.Default().Params()
	for _, area := range Areas {
		var in []Check
		for _, c := range checks {
			if c.Area == area {
				in = append(in, c)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n| id | severity | finds (nl / en) | source | requires | settings |\n|---|---|---|---|---|---|\n", area)
		for _, c := range in {
			var req, set []string
			for _, g := range c.Requires {
				req = append(req, strings.Join(g, " \\| "))
			}
			for _, p := range params {
				if strings.Contains(c.SQL, "'"+p.Name+"'") {
					set = append(set, "`"+p.Name+"`")
				}
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s / %s | %s | %s | %s |\n", c.ID, c.Severity,
				cell(c.Title.NL), cell(c.Title.EN), cell(c.Source), strings.Join(req, ", "), strings.Join(set, ", "))
		}
	}
	writeReadsTable(&b, checks)
	writeRiskTable(&b, checks)
	return b.String()
}

// writeReadsTable lists per check the canonical columns it reads (its
// reads header): the audit does not run a check whose needed column is
// missing, and marks it incomplete for a column that only sharpens it.
func writeReadsTable(b *strings.Builder, checks []Check) {
	b.WriteString("\n## Columns read\n\n" +
		"The canonical columns each check reads. When a needed column is not mapped in the\n" +
		"manifest, or is blank in every row, the check is *not run* (\"the export has no column\n" +
		"for ...\"), never passed; `column?` only sharpens the result (missing, the check runs and\n" +
		"is marked incomplete); `column~` may be blank in every row (a blank means \"none\");\n" +
		"`a|b` needs one of the two, whichever the export has.\n" +
		"Columns no check reads are listed as not needed for the audit.\n\n" +
		"Not special categories by themselves: a home language (thuistaal) and a diet; halal or\n" +
		"kosher food reveals a religion, origin and nationality may reveal ethnic origin.\n\n" +
		"| id | reads |\n|---|---|\n")
	for _, c := range checks {
		var groups []string
		for _, t := range c.Reads {
			var cols []string
			for _, r := range c.ColumnReads {
				if r.Table != t || (len(r.Either) > 0 && firstOf(c.ColumnReads, r) != r.Column) {
					continue
				}
				name := r.Column
				if len(r.Either) > 0 {
					name = strings.Join(append([]string{r.Column}, r.Either...), "|")
				}
				mark := ""
				if r.Sharpens {
					mark += "?"
				}
				if r.MayBeBlank {
					mark += "~"
				}
				cols = append(cols, name+mark)
			}
			groups = append(groups, t+"("+strings.Join(cols, ", ")+")")
		}
		if len(groups) == 0 {
			groups = []string{"none (only what the loader recorded)"}
		}
		fmt.Fprintf(b, "| `%s` | %s |\n", c.ID, cell(strings.Join(groups, ", ")))
	}
}

// writeRiskTable lists per check the impact with its reason and the
// population, sorted by impact (highest first), then id.
func writeRiskTable(b *strings.Builder, checks []Check) {
	sorted := append([]Check(nil), checks...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Impact != sorted[j].Impact {
			return sorted[i].Impact > sorted[j].Impact
		}
		return sorted[i].ID < sorted[j].ID
	})
	b.WriteString("\n## Impact and population\n\n" +
		"Impact is how badly the children, parents or staff concerned are harmed if the risk\n" +
		"materialises (1 little, 5 severe); the policy file may override it per check. The\n" +
		"population is the table whose rows the check judges, or `table(column)`: the data\n" +
		"subjects named by that column. The share of them with an open finding gives the\n" +
		"likelihood: 47 photos of 7 children count as 7 children. A good-practice check (severity\n" +
		"info) has impact 1 and its risk level is at most low. A check with population `none` is\n" +
		"about something being there at all (a column of BSNs): its open findings count as\n" +
		"likelihood 5, or as the fixed likelihood its header gives with its reason.\n\n" +
		"| id | impact | why this impact | population |\n|---|---|---|---|\n")
	for _, c := range sorted {
		fmt.Fprintf(b, "| `%s` | %d | %s | %s |\n", c.ID, c.Impact, cell(c.ImpactWhy.EN), population(c))
	}
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

// population is the check's population as its header writes it, with its
// fixed likelihood and the reason for it where the header gives one.
func population(c Check) string {
	if c.PopulationSubject != "" {
		return c.Population + "(" + c.PopulationSubject + ")"
	}
	if c.Likelihood > 0 {
		return fmt.Sprintf("%s (likelihood %d: %s)", c.Population, c.Likelihood, cell(c.LikelihoodWhy.EN))
	}
	return c.Population
}

// firstOf is the column of r's choice that comes first in reads: the one
// the table of columns read writes the choice at.
func firstOf(reads []ColumnRead, r ColumnRead) string {
	for _, o := range reads {
		if o.Table == r.Table && (o.Column == r.Column || slices.Contains(r.Either, o.Column)) {
			return o.Column
		}
	}
	return r.Column
}
