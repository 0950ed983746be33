package reports

// labels holds every fixed text of the reports in one language. A struct
// rather than a map so that a label missing in one language is a compile
// error, and TestLabelsComplete catches an empty one.
type labels struct {
	Lang   string // "nl" or "en", also the HTML lang attribute
	Months [12]string

	ReportTitle string
	Intro       string
	Contents    string

	Organisation string
	AsOf         string
	MadeWith     string

	Summary            string
	Totals             string
	Checks             string
	ChecksRun          string
	ChecksWithFindings string
	ChecksPassed       string
	ChecksNotRun       string
	ChecksFailed       string
	Findings           string
	FindingsOfSeverity string // followed by the severity: "Bevindingen met ernst hoog"
	RowsLoaded         string
	RowsRejected       string

	Severity map[string]string
	Status   map[string]string

	Check     string
	Title     string
	SevLabel  string
	Area      string
	NFindings string
	StatusCol string
	Source    string
	Why       string
	Fix       string
	Sheet     string

	File    string
	Row     string
	Table   string
	Key     string
	Message string

	Files          string
	System         string
	Product        string
	RowsRead       string
	SkippedColumns string
	SHA256         string

	Rejects string
	Column  string
	Value   string
	Reason  string

	Policy      string
	Setting     string
	Explanation string

	ChartTitle string
	ChartNote  string
	NoFindings string
	Incomplete string // marks a check whose input lost rows
	NoChart    string
	NoRejects  string
	// RejectsNotListed says, with a count, that rejects beyond the first
	// 1000 per file are left out.
	RejectsNotListed string
	NoInputs         string
	NoPolicy         string
	ChecksOverview   string
	CheckDetails     string
	InputFiles       string
	MaskNote         string
	BackToTop        string
}

var labelsNL = labels{
	Lang: "nl",
	Months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"},

	ReportTitle: "AVG-auditrapport",
	Intro: "Dit rapport laat zien welke gegevens in de aangeleverde exports niet voldoen aan de " +
		"AVG en het privacybeleid. Per controle staat waarom de regel er is, wat u kunt doen " +
		"en welke records het betreft.",
	Contents: "Inhoud",

	Organisation: "Organisatie",
	AsOf:         "Peildatum",
	MadeWith:     "Gemaakt met",

	Summary:            "Samenvatting",
	Totals:             "Totalen",
	Checks:             "Controles",
	ChecksRun:          "Uitgevoerd",
	ChecksWithFindings: "Met bevindingen",
	ChecksPassed:       "Zonder bevindingen",
	ChecksNotRun:       "Niet uitgevoerd",
	ChecksFailed:       "Mislukt",
	Findings:           "Bevindingen",
	FindingsOfSeverity: "Bevindingen met ernst",
	RowsLoaded:         "Rijen geladen",
	RowsRejected:       "Rijen afgewezen",

	Severity: map[string]string{"high": "hoog", "medium": "middel", "low": "laag", "info": "info"},
	Status: map[string]string{
		"passed":   "geslaagd",
		"findings": "bevindingen",
		"not_run":  "niet uitgevoerd",
		"error":    "mislukt",
	},

	Check:     "Controle",
	Title:     "Titel",
	SevLabel:  "Ernst",
	Area:      "Gebied",
	NFindings: "Bevindingen",
	StatusCol: "Status",
	Source:    "Bron",
	Why:       "Waarom",
	Fix:       "Wat te doen",
	Sheet:     "Tabblad",

	File:    "Bestand",
	Row:     "Rij",
	Table:   "Tabel",
	Key:     "Sleutel",
	Message: "Melding",

	Files:          "Bestanden",
	System:         "Systeem",
	Product:        "Product",
	RowsRead:       "Rijen gelezen",
	SkippedColumns: "Overgeslagen kolommen",
	SHA256:         "SHA-256",

	Rejects: "Afgewezen rijen",
	Column:  "Kolom",
	Value:   "Waarde",
	Reason:  "Reden",

	Policy:      "Beleid",
	Setting:     "Instelling",
	Explanation: "Toelichting",

	ChartTitle: "Bevindingen per controle",
	ChartNote:  "Alleen controles met bevindingen; de kleur geeft de ernst aan.",
	NoFindings: "Geen bevindingen.",
	Incomplete: "onvolledig",
	NoChart:    "Er zijn geen bevindingen, dus er is geen grafiek.",
	NoRejects:  "Er zijn geen rijen afgewezen.",
	RejectsNotListed: "Per bestand staan hier de eerste 1000 afgewezen waarden; %d meer staan niet in dit rapport. " +
		"Bewaar de database met --db: de tabel _rejects bevat ze allemaal.",
	NoInputs:       "Er zijn geen bestanden ingelezen.",
	NoPolicy:       "Er zijn geen beleidsinstellingen vastgelegd.",
	ChecksOverview: "Overzicht van de controles",
	CheckDetails:   "Controles in detail",
	InputFiles:     "Ingelezen bestanden",
	MaskNote: "Burgerservicenummers (BSN) zijn in dit rapport gemaskeerd: alleen de laatste " +
		"vier cijfers zijn zichtbaar.",
	BackToTop: "Naar boven",
}

var labelsEN = labels{
	Lang: "en",
	Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},

	ReportTitle: "GDPR audit report",
	Intro: "This report shows which data in the supplied exports does not comply with the GDPR " +
		"and the privacy policy. For each check it explains why the rule exists, what you " +
		"can do and which records are affected.",
	Contents: "Contents",

	Organisation: "Organisation",
	AsOf:         "As of",
	MadeWith:     "Made with",

	Summary:            "Summary",
	Totals:             "Totals",
	Checks:             "Checks",
	ChecksRun:          "Run",
	ChecksWithFindings: "With findings",
	ChecksPassed:       "Without findings",
	ChecksNotRun:       "Not run",
	ChecksFailed:       "Failed",
	Findings:           "Findings",
	FindingsOfSeverity: "Findings of severity",
	RowsLoaded:         "Rows loaded",
	RowsRejected:       "Rows rejected",

	Severity: map[string]string{"high": "high", "medium": "medium", "low": "low", "info": "info"},
	Status: map[string]string{
		"passed":   "passed",
		"findings": "findings",
		"not_run":  "not run",
		"error":    "failed",
	},

	Check:     "Check",
	Title:     "Title",
	SevLabel:  "Severity",
	Area:      "Area",
	NFindings: "Findings",
	StatusCol: "Status",
	Source:    "Source",
	Why:       "Why",
	Fix:       "What to do",
	Sheet:     "Sheet",

	File:    "File",
	Row:     "Row",
	Table:   "Table",
	Key:     "Key",
	Message: "Message",

	Files:          "Files",
	System:         "System",
	Product:        "Product",
	RowsRead:       "Rows read",
	SkippedColumns: "Skipped columns",
	SHA256:         "SHA-256",

	Rejects: "Rejected rows",
	Column:  "Column",
	Value:   "Value",
	Reason:  "Reason",

	Policy:      "Policy",
	Setting:     "Setting",
	Explanation: "Explanation",

	ChartTitle: "Findings per check",
	ChartNote:  "Only checks with findings; the colour shows the severity.",
	NoFindings: "No findings.",
	Incomplete: "incomplete",
	NoChart:    "There are no findings, so there is no chart.",
	NoRejects:  "No rows were rejected.",
	RejectsNotListed: "Per file the first 1000 rejected values are listed; %d more are not in this report. " +
		"Keep the database with --db: its _rejects table holds them all.",
	NoInputs:       "No files were read.",
	NoPolicy:       "No policy settings were recorded.",
	ChecksOverview: "Overview of the checks",
	CheckDetails:   "Checks in detail",
	InputFiles:     "Input files",
	MaskNote: "Citizen service numbers (BSN) are masked in this report: only the last four " +
		"digits are shown.",
	BackToTop: "Back to top",
}
