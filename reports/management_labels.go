package reports

// mgmtLabels holds the fixed texts of the management report (the board's
// summary) in one language; the general labels (months, severities) are in
// labels. Pairs are [singular, plural]. A struct, so a text missing in one
// language does not compile; TestMgmtLabelsComplete catches an empty one.
type mgmtLabels struct {
	ReportTitle  string
	Eyebrow      string
	ComparedWith string
	NoPrevious   string
	PrivacyNote  string
	SheetName    string // the workbook's first sheet: conclusions, areas, top risks
	SheetRisks   string // its second: the risk matrix and every check
	SheetNotes   string // its third: the register, data quality, how to read it

	Conclusions    string
	KeyFigures     string
	OpenFindings   string
	ChecksWithOpen string
	OfChecksRun    string // "%d" checks run, under the number of checks with open findings
	HighRisks      string
	ChecksRunKey   string
	AcceptedCount  string
	PreviousCount  string // "%s": the previous as-of date
	// Recommendations are the open findings of good-practice checks,
	// counted apart from the open findings.
	Recommendations string
	// BySeverity splits the open findings: "%s" the counts of severity
	// high, medium and low, in the report's severity words.
	BySeverity    string
	BySeverityKey string // heads BySeverity among the key figures
	RecommendSent string // "%s": the number of recommendations

	PerArea      string
	Area         string
	Checks       string
	ChecksRun    string
	ChecksOpen   string
	Open         string
	Accepted     string
	PreviousOpen string
	Trend        string
	HighestRisk  string
	Total        string
	NotRunMark   string // in place of counts of a check or area that did not run

	TopRisks     string
	TopRisksNote string
	NoTopRisks   string
	Rank         string
	Check        string
	Severity     string
	Level        string
	Score        string
	Owner        string
	Status       string
	NoOwner      string

	TrendTitle   string
	TrendNote    string
	TrendNoPrev  string
	NoTrendChart string
	SeriesNow    string // "%s": the as-of date
	SeriesPrev   string // "%s": the previous as-of date
	ChartCaption string

	MatrixTitle  string
	MatrixNote   string
	Impact       string
	Likelihood   string
	ImpactAxis   string
	LikelyAxis   string
	MatrixChecks [2]string // "%d controle", "%d controles"

	AllChecks     string
	AllChecksNote string
	Impacts       string // short heading "I"
	Likelihoods   string // short heading "K"

	Register     string
	RegisterNote string
	AccStatus    map[string]string
	Entries      string

	DataQuality    string
	Files          string
	RowsRead       string
	RowsRejected   string
	RejectedShare  string
	ChecksNotRun   string
	AllChecksRan   string
	NotShown       string // a share that is not shown because its count is not
	DataQualityNot string

	HowToRead string
	HowTo     []string
	Legend    string
	Levels    map[string]string
	LevelDesc map[string]string
	Statuses  map[string]string
	StatDesc  map[string]string
	Trends    map[string]string
	TrendDesc map[string]string
	CountNote string

	// The conclusion paragraph.
	ScopeAll      string    // date, checks
	Scope         string    // date, run, checks
	NotRun        [2]string // n
	NoneOpen      string
	OpenSent      [2]string // checks, count
	PrevOpen      string    // previous date, count
	TrendSentence map[string]string
	NoComparison  string
	RiskTop       [2]string // high risks, title, level, owner
	RiskTopLow    string    // title, level, owner
	NoRisk        string
	AcceptedSent  string    // count
	ExpiredSent   [2]string // n
	StaleSent     [2]string // n
	RejectedSent  string    // count, rows read
	FewerThan5    string
	Between       string // min, max
	Percent       string // one decimal, with the language's decimal sign: "%s%%"
	DecimalSign   string
}

var mgmtNL = mgmtLabels{
	ReportTitle:  "Privacyrapportage voor bestuur en directie",
	Eyebrow:      "AVG-audit – samenvatting voor het bestuur",
	ComparedWith: "Vergeleken met",
	NoPrevious:   "geen eerdere audit",
	PrivacyNote: "Dit rapport bevat geen persoonsgegevens: geen namen, BSN's, e-mailadressen, " +
		"rekeningnummers, geboortedata of nummers van kinderen. Aantallen van 1 tot en met 4 staan er als " +
		"\u201c< 5\u201d in, zodat geen kind herkenbaar is.",
	SheetName:  "Samenvatting",
	SheetRisks: "Risico's en controles",
	SheetNotes: "Toelichting",

	Conclusions:     "Conclusies",
	KeyFigures:      "Kerncijfers",
	OpenFindings:    "Open bevindingen",
	ChecksWithOpen:  "Controles met open bevindingen",
	OfChecksRun:     "van %d uitgevoerd",
	HighRisks:       "Hoge of kritieke risico's",
	ChecksRunKey:    "Controles uitgevoerd",
	AcceptedCount:   "Geaccepteerde bevindingen",
	PreviousCount:   "vorige audit (%s)",
	Recommendations: "Aanbevelingen (goede praktijk)",
	BySeverity:      "%s ernstig, %s matig, %s licht",
	BySeverityKey:   "Open bevindingen naar ernst",
	RecommendSent:   "Daarnaast staan %s aanbevelingen (goede praktijk) open.",

	PerArea:      "Bevindingen per gebied",
	Area:         "Gebied",
	Checks:       "Controles",
	ChecksRun:    "Uitgevoerd",
	ChecksOpen:   "Met open bevindingen",
	Open:         "Open",
	Accepted:     "Geaccepteerd",
	PreviousOpen: "Vorige audit",
	Trend:        "Trend",
	HighestRisk:  "Hoogste risico",
	Total:        "Totaal",
	NotRunMark:   "–",

	TopRisks:     "Grootste risico's",
	TopRisksNote: "De controles met de hoogste risicoscore (kans × impact), met wie ervoor verantwoordelijk is.",
	NoTopRisks:   "Er zijn geen open risico's.",
	Rank:         "#",
	Check:        "Controle",
	Severity:     "Ernst",
	Level:        "Niveau",
	Score:        "Score",
	Owner:        "Eigenaar",
	Status:       "Status",
	NoOwner:      "niet toegewezen",

	TrendTitle:   "Trend ten opzichte van de vorige audit",
	TrendNote:    "Open bevindingen per gebied, nu en bij de vorige audit. Een lichte balk staat voor \u201c< 5\u201d of een bereik en is getekend op het midden daarvan.",
	TrendNoPrev:  "Er is geen eerdere audit; de grafiek toont alleen de open bevindingen van nu.",
	NoTrendChart: "Er zijn geen uitgevoerde controles, dus er is geen grafiek.",
	SeriesNow:    "Deze audit (%s)",
	SeriesPrev:   "Vorige audit (%s)",
	ChartCaption: "De grafiek tekent \u201c< 5\u201d en een bereik op het midden daarvan (verborgen kolommen O en P).",

	MatrixTitle: "Risicomatrix",
	MatrixNote: "Elke controle met open bevindingen staat in het vak van haar kans (hoe groot het deel van de " +
		"gegevens is dat het betreft) en haar impact (hoe erg het is voor de betrokkenen). Rechtsboven is het ernstigst.",
	Impact:       "Impact",
	Likelihood:   "Kans",
	ImpactAxis:   "Impact (1 = zeer klein, 5 = zeer groot)",
	LikelyAxis:   "Kans (1 = zeer klein, 5 = zeer groot)",
	MatrixChecks: [2]string{"%d controle", "%d controles"},

	AllChecks:     "Alle controles",
	AllChecksNote: "Per controle: hoeveel bevindingen openstaan, de trend en het risico.",
	Impacts:       "Impact",
	Likelihoods:   "Kans",

	Register:     "Register van geaccepteerde risico's",
	RegisterNote: "Risico's die de organisatie bewust accepteert, met een einddatum. Aantallen afspraken; welke gegevens het betreft staat in de risicoanalyse.",
	AccStatus: map[string]string{
		"accepted": "Van kracht",
		"expired":  "Verlopen (de bevindingen tellen weer als open)",
		"stale":    "Vervallen (passen op geen bevinding meer)",
		"pending":  "Nog niet van kracht",
	},
	Entries: "Afspraken",

	DataQuality:    "Volledigheid van de gegevens",
	Files:          "Ingelezen bestanden",
	RowsRead:       "Rijen gelezen",
	RowsRejected:   "Rijen afgewezen (onleesbaar)",
	RejectedShare:  "Deel afgewezen",
	ChecksNotRun:   "Niet uitgevoerde controles",
	AllChecksRan:   "Alle controles zijn uitgevoerd.",
	NotShown:       "niet getoond",
	DataQualityNot: "Een controle die niet is uitgevoerd, zegt niets: er ontbraken gegevens of de controle mislukte.",

	HowToRead: "Hoe leest u dit rapport",
	HowTo: []string{
		"avgaudit vergelijkt de exports van de kindadministratie, het ouderportaal, het kindvolgsysteem en de privacyregisters met de AVG en het privacybeleid. Elke controle zoekt één soort tekortkoming; elk gevonden geval is een bevinding.",
		"Een bevinding staat open tot ze is opgelost of tot het bestuur het risico bewust accepteert (register van geaccepteerde risico's).",
		"Het risico van een controle is kans × impact, elk van 1 tot 5. De kans volgt uit het deel van de gegevens dat het betreft; de impact uit wat er voor kinderen en ouders op het spel staat.",
	},
	Legend: "Legenda",
	Levels: labelsNL.Level,
	LevelDesc: map[string]string{
		"none":     "score 0: geen open bevindingen",
		"low":      "score 1–4",
		"medium":   "score 5–9",
		"high":     "score 10–16",
		"critical": "score 20–25",
	},
	Statuses: map[string]string{"open": "open", "accepted": "geaccepteerd", "resolved": "opgelost", "ok": "in orde", "not_run": "niet uitgevoerd"},
	StatDesc: map[string]string{
		"open":     "er staan bevindingen open",
		"accepted": "alle bevindingen vallen onder een geaccepteerd risico",
		"resolved": "geen bevindingen meer; bij de vorige audit wel",
		"ok":       "geen bevindingen",
		"not_run":  "gegevens ontbraken of de controle mislukte",
	},
	Trends: map[string]string{"up": "↑ meer", "down": "↓ minder", "same": "= gelijk", "similar": "≈ vergelijkbaar", "new": "nieuw"},
	TrendDesc: map[string]string{
		"up":      "meer open bevindingen dan bij de vorige audit",
		"down":    "minder open bevindingen",
		"same":    "evenveel open bevindingen",
		"similar": "de getoonde aantallen overlappen, bijvoorbeeld twee keer \u201c< 5\u201d",
		"new":     "bij de vorige audit stond hier niets open",
	},
	CountNote: "\u201c< 5\u201d betekent 1 tot en met 4. Een totaal staat er als bereik (bijvoorbeeld 15–27) als het totaal min de andere " +
		"aantallen anders een verborgen aantal zou verraden.",

	ScopeAll: "Op %s zijn alle %d controles uitgevoerd.",
	Scope:    "Op %s zijn %d van de %d controles uitgevoerd.",
	NotRun:   [2]string{"%d controle kon niet worden uitgevoerd omdat gegevens ontbraken of de controle mislukte; daarover zegt dit rapport niets.", "%d controles konden niet worden uitgevoerd omdat gegevens ontbraken of de controle mislukte; daarover zegt dit rapport niets."},
	NoneOpen: "Er staan geen bevindingen open.",
	OpenSent: [2]string{"Bij %d controle staan bevindingen open: %s in totaal.", "Bij %d controles staan bevindingen open: %s in totaal."},
	PrevOpen: "Bij de vorige audit (%s) waren dat er %s:",
	TrendSentence: map[string]string{
		"up":      "het aantal open bevindingen is gestegen.",
		"down":    "het aantal open bevindingen is gedaald.",
		"same":    "het aantal open bevindingen is gelijk gebleven.",
		"similar": "het aantal open bevindingen is ongeveer gelijk gebleven.",
		"new":     "toen stond er niets open.",
	},
	NoComparison: "Er is geen eerdere audit om mee te vergelijken.",
	RiskTop:      [2]string{"%d controle heeft een hoog of kritiek risico. Het grootste risico is \u201c%s\u201d (%s; eigenaar: %s).", "%d controles hebben een hoog of kritiek risico. Het grootste risico is \u201c%s\u201d (%s; eigenaar: %s)."},
	RiskTopLow:   "Geen controle heeft een hoog of kritiek risico; het grootste risico is \u201c%s\u201d (%s; eigenaar: %s).",
	NoRisk:       "Er zijn geen open risico's.",
	AcceptedSent: "%s bevindingen vallen onder een bewust geaccepteerd risico en tellen niet als open.",
	ExpiredSent:  [2]string{"%d acceptatie is verlopen; die bevindingen tellen weer als open.", "%d acceptaties zijn verlopen; die bevindingen tellen weer als open."},
	StaleSent:    [2]string{"%d acceptatie past op geen bevinding meer en kan uit het register.", "%d acceptaties passen op geen bevinding meer en kunnen uit het register."},
	RejectedSent: "%s van de %s ingelezen rijen waren onleesbaar en zijn niet gecontroleerd.",
	FewerThan5:   "minder dan 5",
	Between:      "tussen %s en %s",
	Percent:      "%s%%",
	DecimalSign:  ",",
}

var mgmtEN = mgmtLabels{
	ReportTitle:  "Privacy report for the board and management",
	Eyebrow:      "GDPR audit – summary for the board",
	ComparedWith: "Compared with",
	NoPrevious:   "no earlier audit",
	PrivacyNote: "This report holds no personal data: no names, citizen service numbers (BSN), e-mail " +
		"addresses, bank account numbers, dates of birth or numbers of children. Counts from 1 to 4 are shown " +
		"as \u201c< 5\u201d, so that no child can be singled out.",
	SheetName:  "Summary",
	SheetRisks: "Risks and checks",
	SheetNotes: "Notes",

	Conclusions:     "Conclusions",
	KeyFigures:      "Key figures",
	OpenFindings:    "Open findings",
	ChecksWithOpen:  "Checks with open findings",
	OfChecksRun:     "of %d run",
	HighRisks:       "High or critical risks",
	ChecksRunKey:    "Checks run",
	AcceptedCount:   "Accepted findings",
	PreviousCount:   "previous audit (%s)",
	Recommendations: "Recommendations (good practice)",
	BySeverity:      "%s serious, %s moderate, %s minor",
	BySeverityKey:   "Open findings by severity",
	RecommendSent:   "Besides, %s recommendations (good practice) are open.",

	PerArea:      "Findings per area",
	Area:         "Area",
	Checks:       "Checks",
	ChecksRun:    "Run",
	ChecksOpen:   "With open findings",
	Open:         "Open",
	Accepted:     "Accepted",
	PreviousOpen: "Previous audit",
	Trend:        "Trend",
	HighestRisk:  "Highest risk",
	Total:        "Total",
	NotRunMark:   "–",

	TopRisks:     "Top risks",
	TopRisksNote: "The checks with the highest risk score (likelihood × impact), with who answers for them.",
	NoTopRisks:   "There are no open risks.",
	Rank:         "#",
	Check:        "Check",
	Severity:     "Severity",
	Level:        "Level",
	Score:        "Score",
	Owner:        "Owner",
	Status:       "Status",
	NoOwner:      "not assigned",

	TrendTitle:   "Trend against the previous audit",
	TrendNote:    "Open findings per area, now and at the previous audit. A light bar stands for \u201c< 5\u201d or a range and is drawn at its middle.",
	TrendNoPrev:  "There is no earlier audit; the chart shows only today's open findings.",
	NoTrendChart: "No checks were run, so there is no chart.",
	SeriesNow:    "This audit (%s)",
	SeriesPrev:   "Previous audit (%s)",
	ChartCaption: "The chart draws \u201c< 5\u201d and a range at its middle (hidden columns O and P).",

	MatrixTitle: "Risk matrix",
	MatrixNote: "Each check with open findings sits in the box of its likelihood (how large a share of the data " +
		"it concerns) and its impact (how bad it is for the people concerned). Top right is the most serious.",
	Impact:       "Impact",
	Likelihood:   "Likelihood",
	ImpactAxis:   "Impact (1 = very small, 5 = very large)",
	LikelyAxis:   "Likelihood (1 = very small, 5 = very large)",
	MatrixChecks: [2]string{"%d check", "%d checks"},

	AllChecks:     "All checks",
	AllChecksNote: "Per check: how many findings are open, the trend and the risk.",
	Impacts:       "Impact",
	Likelihoods:   "Likelihood",

	Register:     "Register of accepted risks",
	RegisterNote: "Risks the organisation accepts on purpose, until an end date. Numbers of decisions; which data they cover is in the risk analysis.",
	AccStatus: map[string]string{
		"accepted": "In force",
		"expired":  "Expired (the findings count as open again)",
		"stale":    "Stale (match no finding any more)",
		"pending":  "Not yet in force",
	},
	Entries: "Decisions",

	DataQuality:    "Completeness of the data",
	Files:          "Files read",
	RowsRead:       "Rows read",
	RowsRejected:   "Rows rejected (unreadable)",
	RejectedShare:  "Share rejected",
	ChecksNotRun:   "Checks not run",
	AllChecksRan:   "All checks were run.",
	NotShown:       "not shown",
	DataQualityNot: "A check that was not run says nothing: data was missing or the check failed.",

	HowToRead: "How to read this report",
	HowTo: []string{
		"avgaudit compares the exports of the childcare administration, the parent portal, the child-tracking system and the privacy registers with the GDPR and the privacy policy. Each check looks for one kind of shortcoming; each case it finds is a finding.",
		"A finding stays open until it is resolved or until the board accepts the risk on purpose (register of accepted risks).",
		"A check's risk is likelihood × impact, each from 1 to 5. The likelihood follows from the share of the data concerned; the impact from what is at stake for children and parents.",
	},
	Legend: "Legend",
	Levels: labelsEN.Level,
	LevelDesc: map[string]string{
		"none":     "score 0: no open findings",
		"low":      "score 1–4",
		"medium":   "score 5–9",
		"high":     "score 10–16",
		"critical": "score 20–25",
	},
	Statuses: map[string]string{"open": "open", "accepted": "accepted", "resolved": "resolved", "ok": "in order", "not_run": "not run"},
	StatDesc: map[string]string{
		"open":     "findings are open",
		"accepted": "every finding is covered by an accepted risk",
		"resolved": "no findings any more; there were at the previous audit",
		"ok":       "no findings",
		"not_run":  "data was missing or the check failed",
	},
	Trends: map[string]string{"up": "↑ more", "down": "↓ fewer", "same": "= same", "similar": "≈ similar", "new": "new"},
	TrendDesc: map[string]string{
		"up":      "more open findings than at the previous audit",
		"down":    "fewer open findings",
		"same":    "as many open findings",
		"similar": "the counts shown overlap, for instance \u201c< 5\u201d twice",
		"new":     "nothing was open here at the previous audit",
	},
	CountNote: "\u201c< 5\u201d means 1 to 4. A total is shown as a range (for instance 15–27) when the total minus the other " +
		"counts would otherwise give a hidden count away.",

	ScopeAll: "On %s all %d checks were run.",
	Scope:    "On %s, %d of the %d checks were run.",
	NotRun:   [2]string{"%d check could not be run because data was missing or the check failed; this report says nothing about it.", "%d checks could not be run because data was missing or the check failed; this report says nothing about them."},
	NoneOpen: "No findings are open.",
	OpenSent: [2]string{"%d check has open findings: %s in total.", "%d checks have open findings: %s in total."},
	PrevOpen: "At the previous audit (%s) there were %s:",
	TrendSentence: map[string]string{
		"up":      "the number of open findings has gone up.",
		"down":    "the number of open findings has gone down.",
		"same":    "the number of open findings is the same.",
		"similar": "the number of open findings is about the same.",
		"new":     "nothing was open then.",
	},
	NoComparison: "There is no earlier audit to compare with.",
	RiskTop:      [2]string{"%d check has a high or critical risk. The largest risk is \u201c%s\u201d (%s; owner: %s).", "%d checks have a high or critical risk. The largest risk is \u201c%s\u201d (%s; owner: %s)."},
	RiskTopLow:   "No check has a high or critical risk; the largest risk is \u201c%s\u201d (%s; owner: %s).",
	NoRisk:       "There are no open risks.",
	AcceptedSent: "%s findings are covered by a risk accepted on purpose and do not count as open.",
	ExpiredSent:  [2]string{"%d acceptance has expired; its findings count as open again.", "%d acceptances have expired; their findings count as open again."},
	StaleSent:    [2]string{"%d acceptance matches no finding any more and can leave the register.", "%d acceptances match no finding any more and can leave the register."},
	RejectedSent: "%s of the %s rows read were unreadable and were not checked.",
	FewerThan5:   "fewer than 5",
	Between:      "between %s and %s",
	Percent:      "%s%%",
	DecimalSign:  ".",
}
