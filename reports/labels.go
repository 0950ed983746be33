package reports

import "github.com/avgaudit/avgaudit/vocab"

// labels holds every fixed text of the reports in one language. A struct
// rather than a map so that a label missing in one language is a compile
// error, and TestLabelsComplete catches an empty one (in maps too).
type labels struct {
	Lang   string // "nl" or "en", also the HTML lang attribute
	Months [12]string
	// ShortDateLayout writes a date in tables (Go layout): 01-09-2026 or
	// 2026-09-01.
	ShortDateLayout string
	// ExcelDateFormat is the same form as an Excel number format.
	ExcelDateFormat string

	// Titles and introductions per audience (results.AudienceRisk, ...).
	ReportTitle map[string]string
	Intro       map[string]string
	Contents    string

	Organisation string
	AsOf         string
	MadeWith     string
	ComparedWith string // the previous run's as-of date follows

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
	OpenOfSeverity     string // followed by the severity
	ChecksAtLevel      string // followed by the level: "Controles met risico hoog"
	RowsLoaded         string
	RowsRejected       string
	OpenFindings       string
	AcceptedFindings   string
	NewFindings        string
	PersistingFindings string
	ResolvedFindings   string

	Severity         map[string]string
	Status           map[string]string
	Level            map[string]string // risk levels: none, low, ...
	Trend            map[string]string // new, persisting, resolved
	AcceptanceStatus map[string]string // accepted, expired, stale, pending
	ImpactSource     map[string]string // check, policy
	LikelihoodSource map[string]string // share, policy
	Areas            map[string]string // area code → name
	OtherArea        string            // checks without an area
	Unknown          string            // a finding without a location or group

	Check     string
	Title     string
	CheckID   string // heads a check's id (English, as in the JSON), next to its title
	PageOf    string // "page 3 of 9" in a printed page's footer: two %s, Excel's codes
	SevLabel  string
	Area      string
	NFindings string
	StatusCol string
	Source    string
	Why       string
	Fix       string
	Sheet     string

	File       string
	Row        string
	Table      string
	Key        string
	Child      string // heads the name of the child a record is about (FG)
	Message    string
	Location   string
	Group      string
	TrendCol   string
	Acceptance string
	// FindingAccepted and FindingExpired describe a finding's acceptance
	// with the register entry's id and its expiry date.
	FindingAccepted string
	FindingExpired  string

	// Risk per check.
	RisksTitle string
	RisksNote  string
	Impact     string
	Likelihood string
	Score      string
	LevelCol   string
	Affected   string
	AffectedOf string // "%s van %s (%s)": affected, population (see Count), percentage
	Owner      string
	Open       string
	Accepted   string
	Previously string
	Now        string
	NotScored  string
	NoOwner    string
	Unchanged  string // a count with no previous run to compare with
	RiskScore  string
	// Column heads of the trend counts.
	NewCol        string
	PersistingCol string
	ResolvedCol   string

	// The risk matrix.
	MatrixTitle   string
	MatrixNote    string
	MatrixCaption string
	MatrixCorner  string // heads the column of impact levels
	NoRiskNow     string // checks without open findings follow
	NoMatrix      string
	LevelBands    string

	// Findings per location and group.
	LocationsTitle string
	LocationsNote  string
	NoLocations    string
	Total          string

	// Trend.
	TrendTitle    string
	TrendNote     string // "compared with the audit of %s (%s)"
	NoPrevious    string
	TrendChart    string
	PreviousAudit string // the previous run's as-of date follows
	ThisAudit     string // this run's as-of date follows
	NoTrendChart  string
	ResolvedNote  string

	// Accepted risks.
	AcceptancesTitle string
	AcceptancesNote  string
	NoAcceptances    string
	ID               string
	RecordKeyPattern string
	Justification    string
	LegalBasis       string
	ApprovedBy       string
	ApprovedOn       string
	ExpiresOn        string
	Matched          string
	Where            string

	// Data quality.
	QualityTitle     string
	QualityNote      string
	Files            string
	System           string
	Product          string
	RowsRead         string
	ShareRejected    string
	SkippedColumns   string
	NeededColumns    string
	UnusedColumns    string
	Columns          string
	SHA256           string
	Rejects          string
	Column           string
	Value            string
	Reason           string
	NotRunTitle      string
	AllRan           string
	IncompleteTitle  string
	NoneIncomplete   string
	NoRejects        string
	RejectsNotListed string // with a count: rejects beyond the first 1000 per file
	NoInputs         string

	// Methodology.
	MethodTitle      string
	MethodIntro      string
	RiskMethod       string
	Rules            string
	InputFiles       string
	Policy           string
	Setting          string
	Explanation      string
	NoPolicy         string
	PreviousRun      string
	NoPreviousRun    string
	Pseudonymisation string
	// PseudonymNote explains pseudonymised keys, with the method and the
	// key's id.
	PseudonymNote string
	NoPseudonyms  string
	// PseudonymsShort adds to the introduction that record keys are
	// pseudonyms, when they are.
	PseudonymsShort string
	SchemaVersion   string

	// Checks in detail.
	CheckDetails string
	NoFindings   string
	// MoreRows counts the findings an HTML table leaves out (%d) and names
	// the workbook that has them (%s); TheWorkbook names it when the
	// file name is not known.
	MoreRows, TheWorkbook string
	Incomplete            string // marks a check whose input lost rows
	BackToTop             string
	MaskNote              string
	Item                  string // heads the first column of a sheet of name–value lines

	// Sheet names of the workbook (at most 31 characters) that no other
	// label gives.
	SheetMatrix    string
	SheetLocations string
	SheetExplained string // the sheet that explains each check: why, what to do, the rule
}

var labelsNL = labels{
	Lang: "nl",
	Months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"},
	ShortDateLayout: "02-01-2006",
	ExcelDateFormat: "dd-mm-yyyy",

	ReportTitle: map[string]string{
		"risk": "AVG-risicoanalyse",
		"fg":   "AVG-controle voor de FG",
	},
	Intro: map[string]string{
		"risk": "Deze risicoanalyse laat per controle zien hoe groot het risico is (impact × kans), " +
			"waar de bevindingen zitten, hoe het zich verhoudt tot de vorige audit, welke risico's " +
			"bewust zijn geaccepteerd en hoe betrouwbaar de aangeleverde gegevens zijn. " +
			"Burgerservicenummers zijn gemaskeerd.",
		"fg": "Dit rapport is voor de functionaris gegevensbescherming (FG): het bevat alles om de " +
			"bevindingen na te lopen en op te lossen, met per bevinding het bestand, de rij, de sleutel, " +
			"de locatie en groep, de trend en de acceptatie. Burgerservicenummers zijn gemaskeerd. " +
			"Deel dit rapport niet buiten wie de bevindingen afhandelt.",
	},
	Contents: "Inhoud",

	Organisation: "Organisatie",
	AsOf:         "Peildatum",
	MadeWith:     "Gemaakt met",
	ComparedWith: "Vergeleken met",

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
	OpenOfSeverity:     "Open bevindingen met ernst",
	ChecksAtLevel:      "Controles met risico",
	RowsLoaded:         "Rijen geladen",
	RowsRejected:       "Rijen afgewezen",
	OpenFindings:       "Open bevindingen",
	AcceptedFindings:   "Geaccepteerde bevindingen",
	NewFindings:        "Nieuwe bevindingen",
	PersistingFindings: "Blijvende bevindingen",
	ResolvedFindings:   "Opgeloste bevindingen",

	Severity:         vocab.Severities.Names("nl"),
	Status:           vocab.Statuses.Names("nl"),
	Level:            vocab.Levels.Names("nl"),
	Trend:            vocab.Trends.Names("nl"),
	AcceptanceStatus: vocab.AcceptanceStatuses.Names("nl"),
	ImpactSource:     map[string]string{"check": "controle", "policy": "beleid"},
	LikelihoodSource: map[string]string{"share": "aandeel", "policy": "beleid"},
	Areas:            vocab.Areas.Names("nl"),
	OtherArea:        "Overig",
	Unknown:          "onbekend",

	Check:     "Controle",
	Title:     "Titel",
	CheckID:   "Id",
	PageOf:    "pagina %s van %s",
	SevLabel:  "Ernst",
	Area:      "Gebied",
	NFindings: "Bevindingen",
	StatusCol: "Status",
	Source:    "Bron",
	Why:       "Waarom",
	Fix:       "Wat te doen",
	Sheet:     "Tabblad",

	File:            "Bestand",
	Row:             "Rij",
	Table:           "Tabel",
	Key:             "Sleutel",
	Child:           "Kind",
	Message:         "Melding",
	Location:        "Locatie",
	Group:           "Groep",
	TrendCol:        "Trend",
	Acceptance:      "Acceptatie",
	FindingAccepted: "geaccepteerd (%s, tot %s)",
	FindingExpired:  "acceptatie verlopen (%s, op %s)",

	RisksTitle: "Risico's per gebied",
	RisksNote: "Risico = impact × kans, elk op een schaal van 1 tot 5. Getroffen: open bevindingen van " +
		"het aantal beoordeelde records. Geaccepteerde bevindingen tellen niet als open.",
	Impact:        "Impact",
	Likelihood:    "Kans",
	Score:         "Score",
	LevelCol:      "Niveau",
	Affected:      "Getroffen",
	AffectedOf:    "%s van %s (%s)",
	Owner:         "Eigenaar",
	Open:          "Open",
	Accepted:      "Geaccepteerd",
	Previously:    "Vorige audit",
	Now:           "Nu",
	NotScored:     "niet beoordeeld",
	NoOwner:       "niet toegewezen",
	Unchanged:     "–",
	RiskScore:     "Risicoscore",
	NewCol:        "Nieuw",
	PersistingCol: "Blijvend",
	ResolvedCol:   "Opgelost",

	MatrixTitle: "Risicomatrix",
	MatrixNote: "Het getal in een vak is het aantal controles met die impact en kans; de kleur is het " +
		"risiconiveau. De tabel eronder noemt de controles.",
	MatrixCaption: "Controles per impact (rijen) en kans (kolommen)",
	MatrixCorner:  "Impact ↓ · kans →",
	NoRiskNow:     "Zonder open bevindingen (geen risico op de peildatum)",
	NoMatrix:      "Geen enkele controle heeft open bevindingen: de matrix is leeg.",
	LevelBands:    "Niveaus: 1–4 laag, 5–9 middel, 10–16 hoog, 20–25 kritiek.",

	LocationsTitle: "Bevindingen per locatie en groep",
	LocationsNote:  "Locatie en groep komen uit de gegevens van het record; waar die ontbreken staat ‘onbekend’.",
	NoLocations:    "Er zijn geen bevindingen.",
	Total:          "Totaal",

	TrendTitle:    "Trend",
	TrendNote:     "Vergeleken met de audit van %s (%s). Nieuw: niet in de vorige audit; blijvend: ook in de vorige audit; opgelost: alleen in de vorige audit.",
	NoPrevious:    "Er is geen vorige audit om mee te vergelijken. Geef volgend jaar deze resultaten mee met --previous om de trend te zien.",
	TrendChart:    "Bevindingen per gebied",
	PreviousAudit: "Vorige audit",
	ThisAudit:     "Deze audit",
	NoTrendChart:  "Er zijn in geen van beide audits bevindingen, dus er is geen grafiek.",
	ResolvedNote:  "In de vorige audit gevonden, nu niet meer.",

	AcceptancesTitle: "Geaccepteerde risico's",
	AcceptancesNote: "Bevindingen onder een geldige acceptatie staan in het rapport maar tellen niet als open. " +
		"Een verlopen acceptatie telt niet meer: die bevindingen zijn weer open. Een ongebruikte " +
		"acceptatie past op geen enkele bevinding en kan uit het register.",
	NoAcceptances:    "Er zijn geen geaccepteerde risico's vastgelegd.",
	ID:               "Nr.",
	RecordKeyPattern: "Record (of patroon)",
	Justification:    "Onderbouwing",
	LegalBasis:       "Grondslag",
	ApprovedBy:       "Goedgekeurd door",
	ApprovedOn:       "Goedgekeurd op",
	ExpiresOn:        "Verloopt op",
	Matched:          "Bevindingen",
	Where:            "Vastgelegd in",

	QualityTitle: "Kwaliteit van de gegevens",
	QualityNote: "Afgewezen rijen zijn niet meegenomen in de controles: een hoog aandeel maakt de " +
		"uitkomst onzeker.",
	Files:           "Bestanden",
	System:          "Systeem",
	Product:         "Product",
	RowsRead:        "Rijen gelezen",
	ShareRejected:   "Afgewezen",
	SkippedColumns:  "Niet ingelezen (niet nodig)",
	NeededColumns:   "Nodig, niet gekoppeld",
	UnusedColumns:   "Gekoppeld, niet gebruikt",
	Columns:         "Kolommen",
	SHA256:          "SHA-256",
	Rejects:         "Afgewezen rijen",
	Column:          "Kolom",
	Value:           "Waarde",
	Reason:          "Reden",
	NotRunTitle:     "Niet uitgevoerde controles",
	AllRan:          "Alle controles zijn uitgevoerd.",
	IncompleteTitle: "Controles met een mogelijk onvolledige uitkomst",
	NoneIncomplete:  "Geen: van geen enkele gecontroleerde tabel zijn rijen afgewezen.",
	NoRejects:       "Er zijn geen rijen afgewezen.",
	RejectsNotListed: "Per bestand staan hier de eerste 1000 afgewezen waarden; %d meer staan niet in dit rapport. " +
		"Bewaar de database met --db: de tabel _rejects bevat ze allemaal.",
	NoInputs: "Er zijn geen bestanden ingelezen.",

	MethodTitle: "Werkwijze",
	MethodIntro: "Zo is deze audit gemaakt: met welke regels, welke bestanden (met hun SHA-256, zodat " +
		"u kunt nagaan dat het dezelfde zijn) en welke instellingen, op welke peildatum.",
	RiskMethod: "Risico = impact × kans. De impact (1–5) komt uit de controle zelf of uit het beleid " +
		"(risk.impact). De kans (1–5) volgt uit het aandeel getroffen records van de beoordeelde " +
		"records (risk.likelihood_shares; standaard onder 1% → 1, onder 5% → 2, onder 15% → 3, " +
		"onder 40% → 4, anders 5) of staat vast in het beleid (risk.likelihood). Zonder open " +
		"bevindingen is de kans 0 en het risico ‘geen’.",
	Rules:            "Regels",
	InputFiles:       "Ingelezen bestanden",
	Policy:           "Beleid",
	Setting:          "Instelling",
	Explanation:      "Toelichting",
	NoPolicy:         "Er zijn geen beleidsinstellingen vastgelegd.",
	PreviousRun:      "Vorige audit",
	NoPreviousRun:    "geen",
	Pseudonymisation: "Pseudonimisering",
	PseudonymNote: "Sleutels van records zijn pseudoniemen (%s, sleutel-id %s): dezelfde sleutel geeft " +
		"elk jaar hetzelfde pseudoniem. De FG kan ze herleiden met het FG-rapport.",
	NoPseudonyms:    "Geen: sleutels van records zijn de eigen sleutels van de systemen.",
	PseudonymsShort: "Sleutels van records zijn pseudoniemen (zie Werkwijze).",
	SchemaVersion:   "Schemaversie",

	CheckDetails: "Bevindingen per controle",
	NoFindings:   "Geen bevindingen.",
	MoreRows:     "… en nog %d: zie %s.",
	TheWorkbook:  "het Excel-rapport",
	Incomplete:   "onvolledig",
	BackToTop:    "Naar boven",
	MaskNote: "Burgerservicenummers (BSN) zijn in dit rapport gemaskeerd: alleen de laatste " +
		"vier cijfers zijn zichtbaar.",
	Item: "Onderdeel",

	SheetMatrix:    "Risicomatrix",
	SheetLocations: "Locaties",
	SheetExplained: "Uitleg per controle",
}

var labelsEN = labels{
	Lang: "en",
	Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	ShortDateLayout: "2006-01-02",
	ExcelDateFormat: "yyyy-mm-dd",

	ReportTitle: map[string]string{
		"risk": "GDPR risk analysis",
		"fg":   "GDPR spot check for the DPO",
	},
	Intro: map[string]string{
		"risk": "This risk analysis shows per check how large the risk is (impact × likelihood), " +
			"where the findings are, how they compare with the previous audit, which risks were " +
			"accepted on purpose and how reliable the supplied data is. Citizen service numbers " +
			"are masked.",
		"fg": "This report is for the data protection officer (DPO): it holds everything needed to " +
			"check and resolve the findings, with per finding the file, row, key, location and " +
			"group, trend and acceptance. Citizen service numbers are masked. Do not share this " +
			"report beyond those who handle the findings.",
	},
	Contents: "Contents",

	Organisation: "Organisation",
	AsOf:         "As of",
	MadeWith:     "Made with",
	ComparedWith: "Compared with",

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
	OpenOfSeverity:     "Open findings of severity",
	ChecksAtLevel:      "Checks at risk level",
	RowsLoaded:         "Rows loaded",
	RowsRejected:       "Rows rejected",
	OpenFindings:       "Open findings",
	AcceptedFindings:   "Accepted findings",
	NewFindings:        "New findings",
	PersistingFindings: "Persisting findings",
	ResolvedFindings:   "Resolved findings",

	Severity:         vocab.Severities.Names("en"),
	Status:           vocab.Statuses.Names("en"),
	Level:            vocab.Levels.Names("en"),
	Trend:            vocab.Trends.Names("en"),
	AcceptanceStatus: vocab.AcceptanceStatuses.Names("en"),
	ImpactSource:     map[string]string{"check": "check", "policy": "policy"},
	LikelihoodSource: map[string]string{"share": "share", "policy": "policy"},
	Areas:            vocab.Areas.Names("en"),
	OtherArea:        "Other",
	Unknown:          "unknown",

	Check:     "Check",
	Title:     "Title",
	CheckID:   "Id",
	PageOf:    "page %s of %s",
	SevLabel:  "Severity",
	Area:      "Area",
	NFindings: "Findings",
	StatusCol: "Status",
	Source:    "Source",
	Why:       "Why",
	Fix:       "What to do",
	Sheet:     "Sheet",

	File:            "File",
	Row:             "Row",
	Table:           "Table",
	Key:             "Key",
	Child:           "Child",
	Message:         "Message",
	Location:        "Location",
	Group:           "Group",
	TrendCol:        "Trend",
	Acceptance:      "Acceptance",
	FindingAccepted: "accepted (%s, until %s)",
	FindingExpired:  "acceptance expired (%s, on %s)",

	RisksTitle: "Risks per area",
	RisksNote: "Risk = impact × likelihood, each on a scale of 1 to 5. Affected: open findings of the " +
		"number of records judged. Accepted findings do not count as open.",
	Impact:        "Impact",
	Likelihood:    "Likelihood",
	Score:         "Score",
	LevelCol:      "Level",
	Affected:      "Affected",
	AffectedOf:    "%s of %s (%s)",
	Owner:         "Owner",
	Open:          "Open",
	Accepted:      "Accepted",
	Previously:    "Previous audit",
	Now:           "Now",
	NotScored:     "not scored",
	NoOwner:       "not assigned",
	Unchanged:     "–",
	RiskScore:     "Risk score",
	NewCol:        "New",
	PersistingCol: "Persisting",
	ResolvedCol:   "Resolved",

	MatrixTitle: "Risk matrix",
	MatrixNote: "The number in a cell is the number of checks with that impact and likelihood; the " +
		"colour is the risk level. The table below names the checks.",
	MatrixCaption: "Checks per impact (rows) and likelihood (columns)",
	MatrixCorner:  "Impact ↓ · likelihood →",
	NoRiskNow:     "Without open findings (no risk on the as-of date)",
	NoMatrix:      "No check has open findings: the matrix is empty.",
	LevelBands:    "Levels: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.",

	LocationsTitle: "Findings per location and group",
	LocationsNote:  "Location and group come from the record's data; where they are missing it says ‘unknown’.",
	NoLocations:    "There are no findings.",
	Total:          "Total",

	TrendTitle:    "Trend",
	TrendNote:     "Compared with the audit as of %s (%s). New: not in the previous audit; persisting: also in the previous audit; resolved: only in the previous audit.",
	NoPrevious:    "There is no previous audit to compare with. Next year, pass these results with --previous to see the trend.",
	TrendChart:    "Findings per area",
	PreviousAudit: "Previous audit",
	ThisAudit:     "This audit",
	NoTrendChart:  "Neither audit has findings, so there is no chart.",
	ResolvedNote:  "Found in the previous audit, no longer now.",

	AcceptancesTitle: "Accepted risks",
	AcceptancesNote: "Findings under an acceptance in force are in the report but do not count as open. " +
		"An expired acceptance no longer counts: its findings are open again. A stale acceptance " +
		"matches no finding and can be removed from the register.",
	NoAcceptances:    "No accepted risks are recorded.",
	ID:               "No.",
	RecordKeyPattern: "Record (or pattern)",
	Justification:    "Justification",
	LegalBasis:       "Legal basis",
	ApprovedBy:       "Approved by",
	ApprovedOn:       "Approved on",
	ExpiresOn:        "Expires on",
	Matched:          "Findings",
	Where:            "Recorded in",

	QualityTitle: "Quality of the data",
	QualityNote: "Rejected rows were left out of the checks: a high share makes the outcome " +
		"uncertain.",
	Files:           "Files",
	System:          "System",
	Product:         "Product",
	RowsRead:        "Rows read",
	ShareRejected:   "Rejected",
	SkippedColumns:  "Not loaded (not needed)",
	NeededColumns:   "Needed, not mapped",
	UnusedColumns:   "Mapped, not used",
	Columns:         "Columns",
	SHA256:          "SHA-256",
	Rejects:         "Rejected rows",
	Column:          "Column",
	Value:           "Value",
	Reason:          "Reason",
	NotRunTitle:     "Checks not run",
	AllRan:          "Every check ran.",
	IncompleteTitle: "Checks whose outcome may be incomplete",
	NoneIncomplete:  "None: no rows of any checked table were rejected.",
	NoRejects:       "No rows were rejected.",
	RejectsNotListed: "Per file the first 1000 rejected values are listed; %d more are not in this report. " +
		"Keep the database with --db: its _rejects table holds them all.",
	NoInputs: "No files were read.",

	MethodTitle: "Methodology",
	MethodIntro: "How this audit was made: with which rules, which files (with their SHA-256, so you " +
		"can verify they are the same) and which settings, as of which date.",
	RiskMethod: "Risk = impact × likelihood. The impact (1–5) comes from the check itself or from the " +
		"policy (risk.impact). The likelihood (1–5) follows from the share of affected records among " +
		"the records judged (risk.likelihood_shares; by default under 1% → 1, under 5% → 2, under " +
		"15% → 3, under 40% → 4, else 5) or is set in the policy (risk.likelihood). Without open " +
		"findings the likelihood is 0 and the risk ‘none’.",
	Rules:            "Rules",
	InputFiles:       "Input files",
	Policy:           "Policy",
	Setting:          "Setting",
	Explanation:      "Explanation",
	NoPolicy:         "No policy settings were recorded.",
	PreviousRun:      "Previous audit",
	NoPreviousRun:    "none",
	Pseudonymisation: "Pseudonymisation",
	PseudonymNote: "Record keys are pseudonyms (%s, key id %s): the same key gives the same pseudonym " +
		"every year. The DPO can trace them with the DPO report.",
	NoPseudonyms:    "None: record keys are the systems' own keys.",
	PseudonymsShort: "Record keys are pseudonyms (see Methodology).",
	SchemaVersion:   "Schema version",

	CheckDetails: "Findings per check",
	NoFindings:   "No findings.",
	MoreRows:     "… and %d more: see %s.",
	TheWorkbook:  "the Excel report",
	Incomplete:   "incomplete",
	BackToTop:    "Back to top",
	MaskNote: "Citizen service numbers (BSN) are masked in this report: only the last four " +
		"digits are shown.",
	Item: "Item",

	SheetMatrix:    "Risk matrix",
	SheetLocations: "Locations",
	SheetExplained: "Checks explained",
}
