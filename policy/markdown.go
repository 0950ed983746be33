package policy

import (
	"fmt"
	"strings"
)

// Markdown documents every setting; docs/policy.md is this text, kept
// current by a test.
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# The policy file

<!-- Generated from policy/policy.go by "go test ./policy -update"; do not edit by hand. -->

The checks measure against the organisation's own policy: retention periods, how often
photo consent is asked again (good practice), who may see all groups. The AVG itself sets no periods; every
default below names its source. A policy file (YAML, named in the manifest under
` + "`policy:`" + ` or given with ` + "`--policy`" + `) overrides any of them; settings it leaves out keep
their default, an unknown key is an error. Checks read a setting in SQL with
` + "`getvariable('<setting>')`" + `, e.g. ` + "`getvariable('retention.portal_months')`" + `; the
names of earlier versions (` + "`retention_portal_months`" + `) still work in your own checks, with a
deprecation warning in the report.

| setting | default | meaning and source |
|---|---|---|
`)
	for _, prm := range Default().Params() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", prm.Name, prm.String(), prm.Doc)
	}
	b.WriteString(`
Example:

` + "```yaml" + `
retention:
  portal_months: 24
access:
  all_groups_roles: [beheerder, administratie, locatiemanager]
  all_groups_roles_by_system:            # a system named here uses only its own list
    KIJK!: [beheerder, pedagogisch coach]
` + "```" + `
`)
	b.WriteString(riskMarkdown())
	return b.String()
}

// riskMarkdown documents the risk section.
func riskMarkdown() string {
	var b strings.Builder
	b.WriteString(`
## Risk scoring

The risk analysis scores every check that ran: **score = impact × likelihood**, each on a
scale of 1 to 5, so 0 to 25. *Impact* is how much harm the check's findings can do to the
people concerned; every built-in check states its own (` + "`-- impact:`" + ` in its header,
docs/checks.md), a check of your own without one counts as 3. *Likelihood* follows from the
share of the records the check judged (its population) that is affected by an open finding
(one not covered by an accepted risk in force), with the limits of
` + "`risk.likelihood_shares`" + `. A check without open findings has likelihood 0 and score 0:
no risk now. When the number of records judged is unknown (a check of your own without
` + "`-- population:`" + `), open findings count as likelihood 5, the cautious choice: set the
likelihood in the policy to score such a check yourself. The level follows from the score:
0 none, 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.

The risk section is not read by the checks and has no SQL variable. Its keys:
` + "`risk.impact.<check id>`" + ` and ` + "`risk.likelihood.<check id>`" + ` (1–5) replace a
check's impact and derived likelihood; ` + "`risk.owners.<area>`" + ` names who answers for
an area's risks (areas it leaves out keep their default owner; an area of your own checks
without one gets ` + "`" + FallbackOwner + "`" + `). An unknown check id or area is an error.

| setting | default | meaning and source |
|---|---|---|
`)
	for _, s := range Default().RiskSettings() {
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", s.Key, s.Value, s.Doc)
	}
	b.WriteString(`
Example:

` + "```yaml" + `
risk:
  impact:
    photo_without_consent: 5
  likelihood:
    request_overdue: 4
  likelihood_shares: [1, 5, 15, 40]
  owners:
    toestemming: Directeur
` + "```" + `
`)
	return b.String()
}
