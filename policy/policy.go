// Package policy holds the organisation's audit policy: retention periods and
// thresholds the checks measure against. Every setting has a documented
// default that names its source; a policy file overrides them.
package policy

import (
	"bytes"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/avgaudit/avgaudit/vocab"
	"gopkg.in/yaml.v3"
)

// Policy is the set of settings the checks use.
type Policy struct {
	Retention  Retention  `yaml:"retention"`
	Consent    Consent    `yaml:"consent"`
	Processors Processors `yaml:"processors"`
	Access     Access     `yaml:"access"`
	PRK        PRK        `yaml:"prk"`
	Staff      Staff      `yaml:"staff"`
	Camera     Camera     `yaml:"camera"`
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
	// AllGroupsRolesBySystem replaces AllGroupsRoles for the systems it
	// names (as accounts.system writes them): the authorisation matrix per
	// system ("KIJK!": [pedagogisch coach]).
	AllGroupsRolesBySystem map[string][]string `yaml:"all_groups_roles_by_system"`
	UnusedMonths           int                 `yaml:"unused_months"`
	GenericNames           []string            `yaml:"generic_names"`
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
			UnusedMonths:     defaultUnusedMonths,
			GenericNames:     defaultGenericNames(),
		},
		PRK:    PRK{UnlinkDays: defaultPRKUnlinkDays},
		Staff:  Staff{TrainingWithinDays: defaultTrainingWithinDays},
		Camera: Camera{RetentionDays: defaultCameraRetentionDays},
		Risk:   DefaultRisk(),
	}
}

// Param is one setting as the checks see it: a DuckDB variable holding an
// integer, or (when List is set) a list of lower-case texts.
type Param struct {
	// Name is the setting's one spelling: where it is set in the policy
	// file (section.key), and the DuckDB variable the checks read with
	// getvariable('section.key').
	Name string
	// OldName is the variable's name before it had one spelling
	// (section_key): still set for checks written against it, which get a
	// deprecation warning (see DeprecatedNames).
	OldName string
	Value   int
	List    []string
	IsList  bool
	// Doc says in English what the setting is and where its default comes
	// from; DocNL says the same in Dutch for the reports.
	Doc   string
	DocNL string
}

// Params lists the settings the checks read as SQL variables, in a fixed
// order. The risk section is not among them (see RiskSettings).
func (p Policy) Params() []Param {
	r := p.Retention
	return append([]Param{
		{Name: "retention.portal_months", OldName: "retention_portal_months", Value: r.PortalMonths,
			Doc:   "months after care ended that parent-portal data may be kept (default 24: 2 jaar na einde opvang — voormalig Vrijstellingsbesluit Wbp art. 18 lid 5, in de sector de gangbare norm)",
			DocNL: "maanden na het einde van de opvang dat de gegevens in het ouderportaal bewaard mogen blijven (standaard 24: 2 jaar na einde opvang — voormalig Vrijstellingsbesluit Wbp art. 18 lid 5, in de sector de gangbare norm)"},
		{Name: "retention.tracking_months", OldName: "retention_tracking_months", Value: r.TrackingMonths,
			Doc:   "months after care ended that child-tracking data may be kept (default 24: same sector norm)",
			DocNL: "maanden na het einde van de opvang dat de gegevens in het kindvolgsysteem bewaard mogen blijven (standaard 24: dezelfde sectornorm)"},
		{Name: "retention.admin_bsn_months", OldName: "retention_admin_bsn_months", Value: r.AdminBSNMonths,
			Doc:   "optional, stricter own policy: months after care ended that the administration keeps the child's BSN (default 0: not set; the BSN belongs to the childcare-benefit and municipal-contribution records of Regeling Wet kinderopvang art. 11 lid 1 sub b and c and is kept with the record, see retention.admin_record_years; a value that ends later than the record has no effect)",
			DocNL: "optioneel, strenger eigen beleid: maanden na het einde van de opvang dat de administratie het BSN van het kind bewaart (standaard 0: niet ingesteld; het BSN hoort bij de gegevens voor de kinderopvangtoeslag en de gemeentelijke tegemoetkoming van Regeling Wet kinderopvang art. 11 lid 1 sub b en c en blijft zo lang als het kindrecord, zie retention.admin_record_years; een waarde die later eindigt dan het record heeft geen effect)"},
		{Name: "retention.admin_record_years", OldName: "retention_admin_record_years", Value: r.AdminRecordYears,
			Doc:   "years after the year in which care ended that the administration's child record, BSN included, may be kept: until 31 December of that year (default 7: fiscale bewaarplicht, AWR art. 52 lid 4; Dienst Toeslagen can revise the benefit for 5 years, Awir)",
			DocNL: "jaren na het jaar waarin de opvang eindigde dat de administratie het kindrecord, met BSN, mag bewaren: tot en met 31 december van dat jaar (standaard 7: fiscale bewaarplicht, AWR art. 52 lid 4; Dienst Toeslagen kan de toeslag 5 jaar lang herzien, Awir)"},
		{Name: "retention.invoice_years", OldName: "retention_invoice_years", Value: r.InvoiceYears,
			Doc:   "years after the end of the invoice's year that invoices may be kept (default 7: fiscale bewaarplicht, AWR art. 52 lid 4)",
			DocNL: "jaren na het einde van het factuurjaar dat facturen bewaard mogen blijven (standaard 7: fiscale bewaarplicht, AWR art. 52 lid 4)"},
		{Name: "retention.onedrive_months", OldName: "retention_onedrive_months", Value: r.OneDriveMonths,
			Doc:   "months after care ended that child files on the file share may be kept (default 24: same sector norm as the child's other data); income documents follow retention.admin_record_years",
			DocNL: "maanden na het einde van de opvang dat kinddossiers op de gedeelde schijf bewaard mogen blijven (standaard 24: dezelfde sectornorm als voor de andere gegevens van het kind); inkomensdocumenten volgen retention.admin_record_years"},
		{Name: "retention.staff_months", OldName: "retention_staff_months", Value: r.StaffMonths,
			Doc:   "months after leaving that a staff member's personnel file and accounts may be kept (default 24: 2 jaar na uitdiensttreding — voormalig Vrijstellingsbesluit Wbp (personeelsadministratie), sectornorm)",
			DocNL: "maanden na uitdiensttreding dat het personeelsdossier en de accounts van een medewerker bewaard mogen blijven (standaard 24: 2 jaar na uitdiensttreding — voormalig Vrijstellingsbesluit Wbp (personeelsadministratie), sectornorm)"},
		{Name: "retention.applicant_weeks", OldName: "retention_applicant_weeks", Value: r.ApplicantWeeks,
			Doc:   "weeks after the procedure that an applicant's data may be kept (default 4: 4 weken na afloop van de procedure — AP, sollicitatiegegevens; NVP-sollicitatiecode)",
			DocNL: "weken na afloop van de sollicitatieprocedure dat de gegevens van een sollicitant bewaard mogen blijven (standaard 4: 4 weken na afloop van de procedure — AP, sollicitatiegegevens; NVP-sollicitatiecode)"},
		{Name: "retention.applicant_consent_months", OldName: "retention_applicant_consent_months", Value: r.ApplicantConsentMonths,
			Doc:   "months after the procedure that an applicant's data may be kept with consent (default 12: 1 jaar met toestemming van de sollicitant — AP, sollicitatiegegevens)",
			DocNL: "maanden na afloop van de sollicitatieprocedure dat de gegevens van een sollicitant met diens toestemming bewaard mogen blijven (standaard 12: 1 jaar met toestemming van de sollicitant — AP, sollicitatiegegevens)"},
		{Name: "retention.complaint_months", OldName: "retention_complaint_months", Value: r.ComplaintMonths,
			Doc:   "months after handling that a complaint may be kept (default 24: 2 jaar na afhandeling; eigen beleid, geen wettelijke termijn)",
			DocNL: "maanden na afhandeling dat een klacht bewaard mag blijven (standaard 24: 2 jaar na afhandeling; eigen beleid, geen wettelijke termijn)"},
		{Name: "consent.reconfirm_months", OldName: "consent_reconfirm_months", Value: p.Consent.ReconfirmMonths,
			Doc:   "months after which the AVG consent to photos is asked again, as good practice (default 12: yearly, Kennisnet; a consent stays valid until withdrawn, and the AP's letter to schools of 23 August 2017 sets no period)",
			DocNL: "maanden waarna de AVG-toestemming voor foto's als goede praktijk opnieuw gevraagd wordt (standaard 12: jaarlijks, Kennisnet; een toestemming blijft geldig tot ze wordt ingetrokken, en de AP-brief aan scholen van 23 augustus 2017 noemt geen termijn)"},
		{Name: "processors.expiry_warning_days", OldName: "processor_expiry_warning_days", Value: p.Processors.ExpiryWarningDays,
			Doc:   "days before a processor agreement expires that it is reported (default 90: time to renegotiate, AVG art. 28 lid 3)",
			DocNL: "dagen vóór de einddatum van een verwerkersovereenkomst waarop het rapport het aflopen al meldt (standaard 90: tijd om opnieuw te onderhandelen, AVG art. 28 lid 3)"},
		{Name: "access.portal_access_days", OldName: "portal_access_days", Value: p.Access.PortalAccessDays,
			Doc:   "days after the placement ended that parents may keep portal access (default 30: to download photos and reports; AVG art. 5 lid 1 sub e)",
			DocNL: "dagen na het einde van de plaatsing dat ouders nog toegang tot het ouderportaal mogen houden (standaard 30: om foto's en verslagen te downloaden; AVG art. 5 lid 1 sub e)"},
		{Name: "access.all_groups_roles", OldName: "access_all_groups_roles", List: lowerAll(p.Access.AllGroupsRoles), IsList: true,
			Doc:   "roles that may see all groups (default beheerder, administratie: the authorisation matrix of the privacy policy; AVG art. 32)",
			DocNL: "rollen die alle groepen mogen inzien (standaard beheerder, administratie: de autorisatiematrix uit het privacybeleid; AVG art. 32)"},
		{Name: "access.all_groups_roles_by_system", List: systemRoles(p.Access.AllGroupsRolesBySystem), IsList: true,
			Doc:   "per system, the roles that may see all groups in it, written system: [role, ...]; a system named here uses only its own list instead of access.all_groups_roles (default none: one matrix for every system)",
			DocNL: "per systeem de rollen die daarin alle groepen mogen inzien, geschreven als systeem: [rol, ...]; een systeem dat hier staat gebruikt alleen zijn eigen lijst in plaats van access.all_groups_roles (standaard geen: één matrix voor alle systemen)"},
	}, p.securityParams()...)
}

// systemRoles is the per-system authorisation matrix as one list the checks
// can read: "system=role", both lower case and trimmed, sorted. A system
// with an empty list is "system=": named, so nobody may see all its groups.
func systemRoles(m map[string][]string) []string {
	out := []string{}
	for system, roles := range m {
		system = strings.ToLower(strings.TrimSpace(system))
		if len(lowerAll(roles)) == 0 {
			out = append(out, system+"=")
		}
		for _, r := range lowerAll(roles) {
			out = append(out, system+"="+r)
		}
	}
	sort.Strings(out)
	return out
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

// DeprecatedNames lists the settings that sql reads by their old variable
// names (getvariable('retention_portal_months')), each as "old -> new".
func DeprecatedNames(sql string) []string {
	var out []string
	for _, p := range Default().Params() {
		if p.OldName != "" && strings.Contains(sql, "'"+p.OldName+"'") {
			out = append(out, p.OldName+" -> "+p.Name)
		}
	}
	return out
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
		return p, vocab.Wrapf(err, "lees het beleid", "read policy")
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&p); err != nil && !errors.Is(err, io.EOF) {
		return p, vocab.Errorf("beleid: %w (zie docs/policy.md voor de instellingen die kunnen)", "policy: %w (see docs/policy.md for the allowed settings)", err)
	}
	for _, prm := range p.Params() {
		if !prm.IsList && prm.Value < 0 {
			return p, vocab.Errorf("beleid: %s is %d; een termijn moet 0 of meer zijn", "policy: %s is %d; a period must be 0 or more", prm.Name, prm.Value)
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
