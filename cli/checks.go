package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"github.com/avgaudit/avgaudit/app"
	"github.com/avgaudit/avgaudit/queries"
)

const checksHelp = `Usage: avgaudit checks [show] [ID] [flags]

Without ID: lists every check (id, area, severity, title).
With ID: prints the check's explanation, legal source, required tables and SQL.
With --checks DIR your own checks (every .sql file in DIR) are listed and shown too;
a check whose header has a mistake is listed with the file, line and the mistake.

Flags:
%s
Examples:
  avgaudit checks
  avgaudit checks show photo_without_consent
  avgaudit checks --checks ./eigen-controles
`

func (e *env) runChecks(args []string) error {
	var dir string
	flags := pflag.NewFlagSet("checks", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringVar(&dir, "checks", "", "also list your own checks: every .sql file in `DIR`")
	if err := flags.Parse(args); err != nil {
		if err == pflag.ErrHelp {
			fmt.Fprintf(e.stdout, checksHelp, flagUsages(flags))
			return err
		}
		return usagef("%v (see avgaudit checks --help)", err)
	}
	args = flags.Args()
	if len(args) > 0 && args[0] == "show" {
		if len(args) != 2 {
			return usagef("checks show takes one ID (see avgaudit checks for the list)")
		}
		args = args[1:]
	}
	if len(args) > 1 {
		return usagef("checks takes at most one ID")
	}
	checks, err := app.Checks(dir, nil, nil)
	if err != nil {
		return err
	}
	if len(args) == 0 {
		for _, c := range checks {
			title := c.Title.NL
			if c.Err != nil {
				title = "FOUT: " + c.Err.Error()
			}
			fmt.Fprintf(e.stdout, "%-30s %-16s %-7s %s\n", c.ID, c.Area, c.Severity, title)
		}
		return nil
	}
	for _, c := range checks {
		if c.ID == args[0] {
			e.showCheck(c)
			return nil
		}
	}
	var ids []string
	for _, c := range checks {
		ids = append(ids, c.ID)
	}
	return usagef("no check %q; checks: %s", args[0], strings.Join(ids, ", "))
}

// showCheck explains one check; for a check that could not be read, the mistake.
func (e *env) showCheck(c queries.Check) {
	if c.Err != nil {
		fmt.Fprintf(e.stdout, "%s — %s\n\nthis check cannot run: %v\n", c.ID, c.File, c.Err)
		return
	}
	var req []string
	for _, g := range c.Requires {
		req = append(req, strings.Join(g, " or "))
	}
	fmt.Fprintf(e.stdout, "%s — %s\n%s\n\nseverity: %s\narea:     %s\nsource:   %s\nrequires: %s\nfile:     %s\n",
		c.ID, c.Title.NL, c.Title.EN, c.Severity, c.Area, c.Source, strings.Join(req, ", "), c.File)
	if c.Impact > 0 {
		fmt.Fprintf(e.stdout, "impact:   %d of 5 (risk.impact.%s in the policy overrides it)", c.Impact, c.ID)
		if c.ImpactWhy != "" {
			fmt.Fprintf(e.stdout, ": %s", c.ImpactWhy)
		}
		fmt.Fprintln(e.stdout)
	}
	if c.Population == queries.NoPopulation {
		fmt.Fprintf(e.stdout, "judges:   whether something is there at all (an open finding counts as likelihood 5)\n")
	} else if c.Population != "" {
		fmt.Fprintf(e.stdout, "judges:   the rows of %s (the likelihood follows from the share with an open finding)\n", c.Population)
	}
	if params := app.CheckParams(c); len(params) > 0 {
		fmt.Fprintf(e.stdout, "\npolicy settings (default; override in the policy file, see docs/policy.md):\n")
		for _, p := range params {
			fmt.Fprintf(e.stdout, "  %s = %s\n    %s\n    %s\n", p.Name, p.String(), p.DocNL, p.Doc)
		}
	}
	fmt.Fprintf(e.stdout, "\nWaarom:  %s\nOplossen: %s\n\nWhy: %s\nFix: %s\n\n%s\n",
		c.Why.NL, c.Fix.NL, c.Why.EN, c.Fix.EN, c.SQL)
}
