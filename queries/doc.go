package queries

import (
	"fmt"
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
					set = append(set, "`"+p.Key+"`")
				}
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s / %s | %s | %s | %s |\n", c.ID, c.Severity,
				cell(c.Title.NL), cell(c.Title.EN), cell(c.Source), strings.Join(req, ", "), strings.Join(set, ", "))
		}
	}
	return b.String()
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
