package cli

import (
	"fmt"
	"strings"

	"github.com/avgaudit/avgaudit/queries"
)

const checksHelp = `Usage: avgaudit checks [show] [ID]

Without ID: lists every built-in check (id, area, severity, title).
With ID: prints the check's explanation, legal source, required tables and SQL.

Examples:
  avgaudit checks
  avgaudit checks show photo_without_consent
`

func (e *env) runChecks(args []string) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		fmt.Fprint(e.stdout, checksHelp)
		return nil
	}
	if len(args) > 0 && args[0] == "show" {
		if len(args) != 2 {
			return usagef("checks show takes one ID (see avgaudit checks for the list)")
		}
		args = args[1:]
	}
	if len(args) > 1 {
		return usagef("checks takes at most one ID")
	}
	checks, err := queries.Builtin()
	if err != nil {
		return err
	}
	if len(args) == 0 {
		for _, c := range checks {
			fmt.Fprintf(e.stdout, "%-30s %-16s %-7s %s\n", c.ID, c.Area, c.Severity, c.Title.NL)
		}
		return nil
	}
	for _, c := range checks {
		if c.ID != args[0] {
			continue
		}
		var req []string
		for _, g := range c.Requires {
			req = append(req, strings.Join(g, " or "))
		}
		fmt.Fprintf(e.stdout, "%s — %s\n%s\n\nseverity: %s\narea:     %s\nsource:   %s\nrequires: %s\n\nWaarom:  %s\nOplossen: %s\n\nWhy: %s\nFix: %s\n\n%s\n",
			c.ID, c.Title.NL, c.Title.EN, c.Severity, c.Area, c.Source, strings.Join(req, ", "),
			c.Why.NL, c.Fix.NL, c.Why.EN, c.Fix.EN, c.SQL)
		return nil
	}
	var ids []string
	for _, c := range checks {
		ids = append(ids, c.ID)
	}
	return usagef("no check %q; checks: %s", args[0], strings.Join(ids, ", "))
}
