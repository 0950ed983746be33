package queries

import (
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/avgaudit/avgaudit/results"
)

// Some of the built-in checks' own columns hold codes rather than data: the
// kind of problem (refused, expired, ...), the missing fields of a register
// entry, the system an end date comes from. Programs filter on the codes, so
// the JSON results keep them; the HTML and Excel reports show a privacy
// officer the words of codeLabels instead (CodeLabel).
//
// A column is a code column by its name, whichever built-in check returns
// it: a new check that returns problem, category, ... must label its codes
// here, and TestCheckFixtures and TestSampleCodesLabelled fail until it does.
// Labels are per column because a code may mean different things in
// different columns; within one column a code means one thing in every
// check (none is "no consent recorded" for a portal photo and for a post on
// social media alike).
var codeLabels = map[string]map[string]results.Text{
	// The kind of problem, per check.
	"problem": {
		// account_after_employment
		"active_after_leaving": {NL: "account actief na uitdiensttreding", EN: "account active after leaving"},
		"login_after_leaving":  {NL: "ingelogd na uitdiensttreding", EN: "logged in after leaving"},
		// account_shared
		"no_employee":       {NL: "account niet gekoppeld aan een medewerker", EN: "account linked to no employee"},
		"several_employees": {NL: "account gedeeld door meerdere medewerkers", EN: "account shared by several employees"},
		"unknown_employee":  {NL: "personeelsnummer niet in het personeelsbestand", EN: "employee number not on the staff list"},
		// breach_not_handled
		"not_reported":             {NL: "niet gemeld bij de AP", EN: "not reported to the AP"},
		"reported_late":            {NL: "later dan 72 uur gemeld bij de AP", EN: "reported to the AP after 72 hours"},
		"subjects_not_informed":    {NL: "betrokkenen niet geïnformeerd", EN: "people affected not informed"},
		"high_risk_not_reportable": {NL: "hoog risico maar niet meldplichtig genoemd", EN: "high risk but recorded as not reportable"},
		"incomplete_entry":         {NL: "registratie in het datalekkenregister onvolledig", EN: "breach register entry incomplete"},
		// bsn_as_identifier
		"login": {NL: "BSN als inlognaam", EN: "BSN as username"},
		"key":   {NL: "BSN als kindnummer", EN: "BSN as child number"},
		// child_data_mismatch
		"birth_date": {NL: "geboortedatum wijkt af", EN: "birth date differs"},
		"first_name": {NL: "voornaam wijkt af", EN: "first name differs"},
		"last_name":  {NL: "achternaam wijkt af", EN: "last name differs"},
		"name":       {NL: "voor- en achternaam wijken af", EN: "first and last name differ"},
		// child_unknown_in_admin
		"no_child_id":      {NL: "geen kindnummer van de administratie", EN: "no administration child number"},
		"unknown_child_id": {NL: "kindnummer onbekend in de administratie", EN: "child number unknown to the administration"},
		// consent_reconfirmation
		"outdated": {NL: "niet herbevestigd binnen de termijn", EN: "not reconfirmed within the period"},
		"undated":  {NL: "toestemming zonder datum vastgelegd", EN: "consent recorded without a date"},
		// external_post_without_consent, photo_without_consent
		"none":      {NL: "geen toestemming vastgelegd", EN: "no consent recorded"},
		"refused":   {NL: "toestemming geweigerd", EN: "consent refused"},
		"withdrawn": {NL: "toestemming ingetrokken", EN: "consent withdrawn"},
		"after":     {NL: "toestemming pas na plaatsing vastgelegd", EN: "consent recorded only after posting"},
		// health_data_without_basis
		"no_basis":  {NL: "geen grondslag vastgelegd", EN: "no ground recorded"},
		"necessity": {NL: "\"noodzakelijk voor de zorg\": geen uitzondering van art. 9", EN: "\"necessary for the care\": no art. 9 exception"},
		// photo_after_withdrawal
		"not_removed": {NL: "foto niet verwijderd na intrekking", EN: "photo not removed after withdrawal"},
		// placement_open_after_care
		"placement_open": {NL: "plaatsing in het ouderportaal niet beëindigd", EN: "parent portal placement not ended"},
		// processing_register_incomplete
		"system_not_registered": {NL: "systeem niet in het verwerkingsregister", EN: "system not in the register of processing activities"},
		"missing_fields":        {NL: "verwerking onvolledig beschreven", EN: "activity incompletely described"},
		// processing_register_basis
		"no_legal_basis": {NL: "geen grondslag vastgelegd (goede praktijk)", EN: "no legal basis recorded (good practice)"},
		// processor_agreement_missing
		"unregistered":   {NL: "niet in het verwerkersregister", EN: "not in the processor register"},
		"unsigned":       {NL: "geen getekende verwerkersovereenkomst", EN: "no signed processor agreement"},
		"not_yet_signed": {NL: "verwerkersovereenkomst getekend na de peildatum", EN: "processor agreement signed after the reference date"},
		"expired":        {NL: "verwerkersovereenkomst verlopen", EN: "processor agreement expired"},
		// request_overdue
		"over_three_months":      {NL: "beantwoord na meer dan drie maanden", EN: "answered after more than three months"},
		"late_without_extension": {NL: "te laat beantwoord zonder tijdige verlenging", EN: "answered late without a timely extension"},
		"open_overdue":           {NL: "onbeantwoord na de termijn", EN: "unanswered after the deadline"},
		// retention_admin
		"admin_record": {NL: "kindrecord na de bewaartermijn", EN: "child record past its retention period"},
		"bsn":          {NL: "BSN na de bewaartermijn", EN: "BSN past its retention period"},
		// retention_hr
		"staff":             {NL: "personeelsdossier na de bewaartermijn", EN: "personnel file past its retention period"},
		"applicant":         {NL: "sollicitatiegegevens na de bewaartermijn", EN: "applicant data past its retention period"},
		"applicant_consent": {NL: "sollicitatiegegevens na de termijn waarvoor toestemming is gegeven", EN: "applicant data past the period consented to"},
		"complaint":         {NL: "klacht na de bewaartermijn", EN: "complaint past its retention period"},
		// special_category_data
		"column_religion":           {NL: "kolom met religie of levensovertuiging", EN: "column on religion or belief"},
		"column_ethnicity":          {NL: "kolom met ras of etnische afkomst", EN: "column on race or ethnic origin"},
		"column_origin":             {NL: "kolom met herkomst of nationaliteit", EN: "column on origin or nationality"},
		"column_youth_care":         {NL: "kolom over jeugdhulp", EN: "column on youth care"},
		"column_meldcode":           {NL: "kolom over de meldcode", EN: "column on the reporting code"},
		"column_politics":           {NL: "kolom met politieke opvattingen", EN: "column on political opinions"},
		"column_union":              {NL: "kolom met vakbondslidmaatschap", EN: "column on trade-union membership"},
		"column_sexual_orientation": {NL: "kolom met seksueel gedrag of seksuele gerichtheid", EN: "column on sex life or sexual orientation"},
		"column_criminal":           {NL: "kolom met strafrechtelijke gegevens", EN: "column with criminal records"},
		"column_biometric":          {NL: "kolom met biometrische gegevens", EN: "column with biometric data"},
		"column_genetic":            {NL: "kolom met genetische gegevens", EN: "column with genetic data"},
		"column_health":             {NL: "kolom met gezondheidsgegevens", EN: "column with health data"},
		"religion_note":             {NL: "notitie over religie of levensovertuiging", EN: "note on religion or belief"},
		// transfer_without_consent
		"no_consent":            {NL: "geen getekende toestemming", EN: "no signed consent"},
		"consent_after_sending": {NL: "toestemming pas na versturen getekend", EN: "consent signed only after sending"},
		// vve_transfer_missing
		"no_transfer":       {NL: "geen overdracht naar de basisschool", EN: "no transfer to the primary school"},
		"programme_missing": {NL: "VVE-programma of duur niet overgedragen", EN: "VVE programme or duration not passed on"},
	},
	// breach_not_handled: the fields of a breach register entry left blank.
	"missing": {
		"facts":      {NL: "feiten", EN: "facts"},
		"effects":    {NL: "gevolgen", EN: "effects"},
		"measures":   {NL: "maatregelen", EN: "measures"},
		"reportable": {NL: "beslissing over melden", EN: "decision on reporting"},
	},
	// processing_register_incomplete: the fields of an activity left blank.
	"missing_fields": {
		"purpose":         {NL: "doel", EN: "purpose"},
		"legal_basis":     {NL: "grondslag", EN: "legal basis"},
		"data_subjects":   {NL: "categorieën betrokkenen", EN: "categories of data subjects"},
		"data_categories": {NL: "categorieën persoonsgegevens", EN: "categories of personal data"},
		"recipients":      {NL: "ontvangers", EN: "recipients"},
		"transfers":       {NL: "doorgifte buiten de EER", EN: "transfers outside the EEA"},
		"retention":       {NL: "bewaartermijn", EN: "retention period"},
		"security":        {NL: "beveiligingsmaatregelen", EN: "security measures"},
	},
	// consent_not_by_guardian, consent_reconfirmation; consent_incomplete.
	"consent_type":  consentTypeLabels,
	"missing_types": consentTypeLabels,
	// portal_access_after_placement, retention_portal, retention_tracking:
	// the system whose date ended the care or placement.
	"ended_per": {
		"admin":    {NL: "administratie", EN: "administration"},
		"portal":   {NL: "ouderportaal", EN: "parent portal"},
		"tracking": {NL: "kindvolgsysteem", EN: "child-tracking system"},
	},
	// processor_agreement_missing: where the system is seen in use.
	"in_use_via": {
		"verwerkersregister": {NL: "verwerkersregister", EN: "processor register"},
		"export (admin)":     {NL: "export van de administratie", EN: "administration export"},
		"export (portal)":    {NL: "export van het ouderportaal", EN: "parent portal export"},
		"export (tracking)":  {NL: "export van het kindvolgsysteem", EN: "child-tracking system export"},
	},
	"category": {
		// dpia_missing: the AP's categories that require a DPIA.
		"health":      {NL: "gezondheidsgegevens", EN: "health data"},
		"camera":      {NL: "camerabeelden", EN: "camera images"},
		"monitoring":  {NL: "volgen van medewerkers", EN: "employee monitoring"},
		"observation": {NL: "observatie van gedrag of ontwikkeling", EN: "observation of behaviour or development"},
		// health_data_without_basis: model.NoteCategories of health data.
		"allergy": {NL: "allergie", EN: "allergy"},
		"diet":    {NL: "dieet", EN: "diet"},
		"medical": {NL: "medisch", EN: "medical"},
		// retention_onedrive: model.FileCategories kept per child.
		"child_file": {NL: "kinddossier", EN: "child file"},
		"income":     {NL: "inkomensdocument", EN: "income document"},
	},
}

// consentTypeLabels name model.ConsentTypes as the parent portal asks them
// (the labels consent_incomplete and consent_reconfirmation use in their
// messages).
var consentTypeLabels = map[string]results.Text{
	"photo_portal":            {NL: "foto's in het ouderportaal", EN: "photos in the parent portal"},
	"photo_external":          {NL: "foto's op website en sociale media", EN: "photos on the website and social media"},
	"pickup_by_others":        {NL: "ophalen door anderen", EN: "pickup by others"},
	"transport":               {NL: "vervoer", EN: "transport"},
	"friend_visit":            {NL: "vriendje komt spelen", EN: "a friend coming to play"},
	"visit_friend":            {NL: "spelen bij een vriendje", EN: "playing at a friend's"},
	"independent_from_school": {NL: "zelfstandig van school komen", EN: "coming from school alone"},
	"independent_home":        {NL: "zelfstandig naar huis gaan", EN: "going home alone"},
}

// codeSeparator joins several codes in one value ("facts, effects").
const codeSeparator = ", "

// CodeColumns lists the columns whose values are codes, sorted.
func CodeColumns() []string {
	cols := make([]string, 0, len(codeLabels))
	for c := range codeLabels {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	return cols
}

// CodeLabels returns a copy of the labels of the codes of column, nil for
// a column that holds no codes.
func CodeLabels(column string) map[string]results.Text {
	labels, ok := codeLabels[column]
	if !ok {
		return nil
	}
	return maps.Clone(labels)
}

// IsCodeColumn reports whether the values of a column named column are
// codes.
func IsCodeColumn(column string) bool {
	_, ok := codeLabels[column]
	return ok
}

// CodeLabel is the label of value in column of the built-in check checkID:
// the code's words in both languages, or of a list of codes ("facts,
// effects") each code's words, joined the same way. It returns false for a
// column that holds no codes, an empty value, a code without a label, and
// for the checks of a user (their codes may mean something else): such a
// value is shown as it is.
func CodeLabel(checkID, column, value string) (results.Text, bool) {
	labels, ok := codeLabels[column]
	if !ok || strings.TrimSpace(value) == "" || !builtinIDs()[checkID] {
		return results.Text{}, false
	}
	var nl, en []string
	for _, code := range strings.Split(value, ",") {
		l, ok := labels[strings.TrimSpace(code)]
		if !ok {
			return results.Text{}, false
		}
		nl, en = append(nl, l.NL), append(en, l.EN)
	}
	return results.Text{NL: strings.Join(nl, codeSeparator), EN: strings.Join(en, codeSeparator)}, true
}

// builtinIDs holds the ids of the built-in checks; none if they cannot be
// parsed (a test fails then).
var builtinIDs = sync.OnceValue(func() map[string]bool {
	checks, _ := Builtin()
	ids := make(map[string]bool, len(checks))
	for _, c := range checks {
		ids[c.ID] = true
	}
	return ids
})
