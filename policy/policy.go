// Package policy holds the organisation's audit policy: retention periods and
// thresholds the checks measure against. Every setting has a documented
// default that names its source; a policy file overrides them.
package policy

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Policy is the set of settings the checks use.
type Policy struct {
	Retention  Retention  `yaml:"retention"`
	Consent    Consent    `yaml:"consent"`
	Processors Processors `yaml:"processors"`
	Access     Access     `yaml:"access"`
	// Risk configures the risk scoring after the checks; it holds no SQL
	// variables, so Params leaves it out (see RiskSettings).
	Risk Risk `yaml:"risk"`
}

// Retention periods, measured from the end of care (or, for invoices, from the
// end of the invoice's year; for staff from leaving; for applicants from the
// end of the procedure; for complaints from their handling).
type Retention struct {
	PortalMonths           int `yaml:"portal_months"`
	TrackingMonths         int `yaml:"tracking_months"`
	AdminBSNMonths         int `yaml:"admin_bsn_months"`
	AdminRecordYears       int `yaml:"admin_record_years"`
	InvoiceYears           int `yaml:"invoice_years"`
	OneDriveMonths         int `yaml:"onedrive_months"`
	StaffMonths            int `yaml:"staff_months"`
	ApplicantWeeks         int `yaml:"applicant_weeks"`
	ApplicantConsentMonths int `yaml:"applicant_consent_months"`
	ComplaintMonths        int `yaml:"complaint_months"`
}

// Consent settings.
type Consent struct {
	ReconfirmMonths int `yaml:"reconfirm_months"`
}

// Processors settings.
type Processors struct {
	ExpiryWarningDays int `yaml:"expiry_warning_days"`
}

// Access settings: the authorisation matrix and how soon access must end.
type Access struct {
	PortalAccessDays int      `yaml:"portal_access_days"`
	AllGroupsRoles   []string `yaml:"all_groups_roles"`
}

// Default is the policy used when no policy file is given.
func Default() Policy {
	return Policy{
		Retention: Retention{
			PortalMonths:           24,
			TrackingMonths:         24,
			AdminBSNMonths:         0,
			AdminRecordYears:       7,
			InvoiceYears:           7,
			OneDriveMonths:         24,
			StaffMonths:            24,
			ApplicantWeeks:         4,
			ApplicantConsentMonths: 12,
			ComplaintMonths:        24,
		},
		Consent:    Consent{ReconfirmMonths: 12},
		Processors: Processors{ExpiryWarningDays: 90},
		Access: Access{
			PortalAccessDays: 30,
			AllGroupsRoles:   []string{"beheerder", "administratie"},
		},
		Risk: DefaultRisk(),
	}
}

// Param is one setting as the checks see it: a DuckDB variable holding an
// integer, or (when List is set) a list of lower-case texts.
type Param struct {
	Name   string // variable name, read in SQL with getvariable('name')
	Key    string // where it is set in the policy file: section.key
	Value  int
	List   []string
	IsList bool
	// Doc says in English what the setting is and where its default comes
	// from; DocNL says the same in Dutch for the reports.
	Doc   string
	DocNL string
}

// Params lists the settings the checks read as SQL variables, in a fixed
// order. The risk section is not among them (see RiskSettings).
func (p Policy) Params() []Param {
	r := p.Retention
	return []Param{
		{Name: "retention_portal_months", Key: "retention.portal_months", Value: r.PortalMonths,
			Doc:   "months after care ended that parent-portal data may be kept (default 24: 2 jaar na einde opvang — voormalig Vrijstellingsbesluit Wbp art. 18 lid 5, in de sector de gangbare norm)",
			DocNL: "maanden na het einde van de opvang dat de gegevens in het ouderportaal bewaard mogen blijven (standaard 24: 2 jaar na einde opvang — voormalig Vrijstellingsbesluit Wbp art. 18 lid 5, in de sector de gangbare norm)"},
		{Name: "retention_tracking_months", Key: "retention.tracking_months", Value: r.TrackingMonths,
			Doc:   "months after care ended that child-tracking data may be kept (default 24: same sector norm)",
			DocNL: "maanden na het einde van de opvang dat de gegevens in het kindvolgsysteem bewaard mogen blijven (standaard 24: dezelfde sectornorm)"},
		{Name: "retention_admin_bsn_months", Key: "retention.admin_bsn_months", Value: r.AdminBSNMonths,
			Doc:   "optional, stricter own policy: months after care ended that the administration keeps the child's BSN (default 0: not set; the BSN belongs to the childcare-benefit and municipal-contribution records of Regeling Wet kinderopvang art. 11 lid 1 sub b and c and is kept with the record, see retention.admin_record_years; a value that ends later than the record has no effect)",
			DocNL: "optioneel, strenger eigen beleid: maanden na het einde van de opvang dat de administratie het BSN van het kind bewaart (standaard 0: niet ingesteld; het BSN hoort bij de gegevens voor de kinderopvangtoeslag en de gemeentelijke tegemoetkoming van Regeling Wet kinderopvang art. 11 lid 1 sub b en c en blijft zo lang als het kindrecord, zie retention.admin_record_years; een waarde die later eindigt dan het record heeft geen effect)"},
		{Name: "retention_admin_record_years", Key: "retention.admin_record_years", Value: r.AdminRecordYears,
			Doc:   "years after the year in which care ended that the administration's child record, BSN included, may be kept: until 31 December of that year (default 7: fiscale bewaarplicht, AWR art. 52 lid 4; Dienst Toeslagen can revise the benefit for 5 years, Awir)",
			DocNL: "jaren na het jaar waarin de opvang eindigde dat de administratie het kindrecord, met BSN, mag bewaren: tot en met 31 december van dat jaar (standaard 7: fiscale bewaarplicht, AWR art. 52 lid 4; Dienst Toeslagen kan de toeslag 5 jaar lang herzien, Awir)"},
		{Name: "retention_invoice_years", Key: "retention.invoice_years", Value: r.InvoiceYears,
			Doc:   "years after the end of the invoice's year that invoices may be kept (default 7: fiscale bewaarplicht, AWR art. 52 lid 4)",
			DocNL: "jaren na het einde van het factuurjaar dat facturen bewaard mogen blijven (standaard 7: fiscale bewaarplicht, AWR art. 52 lid 4)"},
		{Name: "retention_onedrive_months", Key: "retention.onedrive_months", Value: r.OneDriveMonths,
			Doc:   "months after care ended that child files and income documents on the file share may be kept (default 24: same sector norm as the child's other data)",
			DocNL: "maanden na het einde van de opvang dat kinddossiers en inkomensdocumenten op de gedeelde schijf bewaard mogen blijven (standaard 24: dezelfde sectornorm als voor de andere gegevens van het kind)"},
		{Name: "retention_staff_months", Key: "retention.staff_months", Value: r.StaffMonths,
			Doc:   "months after leaving that a staff member's personnel file and accounts may be kept (default 24: 2 jaar na uitdiensttreding — voormalig Vrijstellingsbesluit Wbp (personeelsadministratie), sectornorm)",
			DocNL: "maanden na uitdiensttreding dat het personeelsdossier en de accounts van een medewerker bewaard mogen blijven (standaard 24: 2 jaar na uitdiensttreding — voormalig Vrijstellingsbesluit Wbp (personeelsadministratie), sectornorm)"},
		{Name: "retention_applicant_weeks", Key: "retention.applicant_weeks", Value: r.ApplicantWeeks,
			Doc:   "weeks after the procedure that an applicant's data may be kept (default 4: 4 weken na afloop van de procedure — AP, sollicitatiegegevens; NVP-sollicitatiecode)",
			DocNL: "weken na afloop van de sollicitatieprocedure dat de gegevens van een sollicitant bewaard mogen blijven (standaard 4: 4 weken na afloop van de procedure — AP, sollicitatiegegevens; NVP-sollicitatiecode)"},
		{Name: "retention_applicant_consent_months", Key: "retention.applicant_consent_months", Value: r.ApplicantConsentMonths,
			Doc:   "months after the procedure that an applicant's data may be kept with consent (default 12: 1 jaar met toestemming van de sollicitant — AP, sollicitatiegegevens)",
			DocNL: "maanden na afloop van de sollicitatieprocedure dat de gegevens van een sollicitant met diens toestemming bewaard mogen blijven (standaard 12: 1 jaar met toestemming van de sollicitant — AP, sollicitatiegegevens)"},
		{Name: "retention_complaint_months", Key: "retention.complaint_months", Value: r.ComplaintMonths,
			Doc:   "months after handling that a complaint may be kept (default 24: 2 jaar na afhandeling, sectornorm klachtenregeling kinderopvang)",
			DocNL: "maanden na afhandeling dat een klacht bewaard mag blijven (standaard 24: 2 jaar na afhandeling, sectornorm klachtenregeling kinderopvang)"},
		{Name: "consent_reconfirm_months", Key: "consent.reconfirm_months", Value: p.Consent.ReconfirmMonths,
			Doc:   "months after which the AVG consent to photos is asked again, as good practice (default 12: yearly, Kennisnet; a consent stays valid until withdrawn, and the AP's letter to schools of 23 August 2017 sets no period)",
			DocNL: "maanden waarna de AVG-toestemming voor foto's als goede praktijk opnieuw gevraagd wordt (standaard 12: jaarlijks, Kennisnet; een toestemming blijft geldig tot ze wordt ingetrokken, en de AP-brief aan scholen van 23 augustus 2017 noemt geen termijn)"},
		{Name: "processor_expiry_warning_days", Key: "processors.expiry_warning_days", Value: p.Processors.ExpiryWarningDays,
			Doc:   "days before a processor agreement expires that it is reported (default 90: time to renegotiate, AVG art. 28 lid 3)",
			DocNL: "dagen vóór de einddatum van een verwerkersovereenkomst waarop het rapport het aflopen al meldt (standaard 90: tijd om opnieuw te onderhandelen, AVG art. 28 lid 3)"},
		{Name: "portal_access_days", Key: "access.portal_access_days", Value: p.Access.PortalAccessDays,
			Doc:   "days after the placement ended that parents may keep portal access (default 30: to download photos and reports; AVG art. 5 lid 1 sub e)",
			DocNL: "dagen na het einde van de plaatsing dat ouders nog toegang tot het ouderportaal mogen houden (standaard 30: om foto's en verslagen te downloaden; AVG art. 5 lid 1 sub e)"},
		{Name: "access_all_groups_roles", Key: "access.all_groups_roles", List: lowerAll(p.Access.AllGroupsRoles), IsList: true,
			Doc:   "roles that may see all groups (default beheerder, administratie: the authorisation matrix of the privacy policy; AVG art. 32)",
			DocNL: "rollen die alle groepen mogen inzien (standaard beheerder, administratie: de autorisatiematrix uit het privacybeleid; AVG art. 32)"},
	}
}

func lowerAll(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if s = strings.ToLower(strings.TrimSpace(s)); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SQL is the DuckDB literal of the setting's value.
func (p Param) SQL() string {
	if !p.IsList {
		return strconv.Itoa(p.Value)
	}
	quoted := make([]string, len(p.List))
	for i, s := range p.List {
		quoted[i] = "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return "[" + strings.Join(quoted, ", ") + "]::VARCHAR[]"
}

// Names lists the names of all settings.
func (p Policy) Names() map[string]bool {
	names := map[string]bool{}
	for _, prm := range p.Params() {
		names[prm.Name] = true
	}
	return names
}

// ParseBytes is Parse on a file's contents.
func ParseBytes(data []byte) (Policy, error) { return Parse(bytes.NewReader(data)) }

// Parse reads a policy file over the defaults: settings it leaves out keep
// their default (risk.owners keeps the default owner of every area it does
// not name). Unknown keys, negative periods and risk values out of range
// are errors; check ids and areas in the risk section are checked against
// the catalogue by Risk.CheckKeys.
func Parse(r io.Reader) (Policy, error) {
	p := Default()
	data, err := io.ReadAll(r)
	if err != nil {
		return p, fmt.Errorf("read policy: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return p, fmt.Errorf("policy: %w (see docs/policy.md for the allowed settings)", err)
	}
	for _, prm := range p.Params() {
		if !prm.IsList && prm.Value < 0 {
			return p, fmt.Errorf("policy: %s is %d; a period must be 0 or more", prm.Name, prm.Value)
		}
	}
	if err := p.Risk.validate(); err != nil {
		return p, err
	}
	return p, nil
}

// String renders a setting's value for reports.
func (p Param) String() string {
	if p.IsList {
		return strings.Join(p.List, ", ")
	}
	return strconv.Itoa(p.Value)
}

// Markdown documents every setting; docs/policy.md is this text, kept
// current by a test.
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# The policy file

<!-- Generated from policy/policy.go by "go test ./policy -update"; do not edit by hand. -->

The checks measure against the organisation's own policy: retention periods, how often
consent is reconfirmed, who may see all groups. The AVG itself sets no periods; every
default below names its source. A policy file (YAML, named in the manifest under
` + "`policy:`" + ` or given with ` + "`--policy`" + `) overrides any of them; settings it leaves out keep
their default, an unknown key is an error. Checks read a setting in SQL with
` + "`getvariable('<variable>')`" + `.

| setting | SQL variable | default | meaning and source |
|---|---|---|---|
`)
	for _, prm := range Default().Params() {
		fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", prm.Key, prm.Name, prm.String(), prm.Doc)
	}
	b.WriteString(`
Example:

` + "```yaml" + `
retention:
  portal_months: 24
access:
  all_groups_roles: [beheerder, administratie, locatiemanager]
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
