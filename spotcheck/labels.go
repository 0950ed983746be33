package spotcheck

import (
	"fmt"
	"time"

	"github.com/avgaudit/avgaudit/results"
)

// Headings of the columns that say what the systems say about a finding.
var (
	labelCheck   = results.Text{NL: "Controle", EN: "Check"}
	labelFinding = results.Text{NL: "Bevinding", EN: "Finding"}
	labelDetails = results.Text{NL: "Gegevens", EN: "Details"}
)

// labels are the checklist's texts in one language.
type labels struct {
	Lang   string
	Months [12]string

	SampleSheet, MethodSheet string

	// Headings of the record columns.
	No, System, Table, Key, Child, File, Row string
	// Headings of the columns the FG fills in, with the answers of the
	// yes/no questions.
	ConsentForm, Matches, Remark, CheckedBy, CheckedOn string
	Answers                                            []string
	AnswerTitle, AnswerPrompt                          string
	DateTitle, DatePrompt                              string
	DateFormat                                         string // Excel number format of CheckedOn

	// The method sheet.
	Title, Organisation, Population, PopulationCheck, PopulationTable, PopulationAll string
	AsOf, Seed, SizeAsked, PopulationSize, Drawn, DrawnAll, Method, MethodText       string
	Redraw, Version, Inputs, Product, Sheet, RowsLoaded, SHA256, Records             string
	Page                                                                             string
}

var labelsNL = labels{
	Lang: "nl",
	Months: [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
		"augustus", "september", "oktober", "november", "december"},
	SampleSheet: "Steekproef", MethodSheet: "Verantwoording",

	No: "Nr", System: "Systeem", Table: "Tabel", Key: "Record", Child: "Kind", File: "Bronbestand", Row: "Rij",

	ConsentForm: "Toestemmingsformulier aanwezig?", Matches: "Komt overeen met het systeem?",
	Remark: "Opmerking", CheckedBy: "Gecontroleerd door", CheckedOn: "Datum controle",
	Answers:     []string{"ja", "nee", "n.v.t."},
	AnswerTitle: "Kies een antwoord", AnswerPrompt: "ja, nee of n.v.t. (niet van toepassing)",
	DateTitle: "Datum", DatePrompt: "de datum van de controle, bijvoorbeeld 15-09-2026",
	DateFormat: "dd-mm-yyyy",

	Title:           "Steekproef voor de controle door de FG",
	Organisation:    "Organisatie",
	Population:      "Steekproef uit",
	PopulationCheck: "de bevindingen van controle %s: %s",
	PopulationTable: "de rijen van tabel %s",
	PopulationAll:   "alle bevindingen van alle controles",
	AsOf:            "Peildatum",
	Seed:            "Seed",
	SizeAsked:       "Gevraagde omvang",
	PopulationSize:  "Omvang populatie",
	Drawn:           "Getrokken",
	DrawnAll:        "alle %d records: de gevraagde omvang is niet kleiner dan de populatie",
	Method:          "Methode",
	MethodText: "De populatie is geordend op bronbestand, rij en recordsleutel. Een PCG-generator " +
		"met de seed kiest daaruit de records zonder teruglegging (Fisher-Yates). Ze staan in de " +
		"volgorde van trekking: wie alleen de eerste n controleert, heeft ook een aselecte steekproef van n. " +
		"Dezelfde seed op dezelfde exports met dezelfde opties geeft dezelfde records in dezelfde volgorde.",
	Redraw:     "Opnieuw trekken",
	Version:    "avgaudit-versie",
	Inputs:     "Ingelezen bestanden",
	Product:    "Product",
	Sheet:      "Blad",
	RowsLoaded: "Rijen geladen",
	SHA256:     "SHA-256",
	Records:    "%d records",
	Page:       "Pagina &P van &N",
}

var labelsEN = labels{
	Lang: "en",
	Months: [12]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"},
	SampleSheet: "Sample", MethodSheet: "Method",

	No: "No.", System: "System", Table: "Table", Key: "Record key", Child: "Child", File: "Source file", Row: "Row",

	ConsentForm: "Consent form present?", Matches: "Matches the system?",
	Remark: "Remark", CheckedBy: "Checked by", CheckedOn: "Date checked",
	Answers:     []string{"yes", "no", "n/a"},
	AnswerTitle: "Choose an answer", AnswerPrompt: "yes, no or n/a (not applicable)",
	DateTitle: "Date", DatePrompt: "the date of the check, e.g. 2026-09-15",
	DateFormat: "yyyy-mm-dd",

	Title:           "Sample for the data protection officer's spot check",
	Organisation:    "Organisation",
	Population:      "Sample of",
	PopulationCheck: "the findings of check %s: %s",
	PopulationTable: "the rows of table %s",
	PopulationAll:   "all findings of all checks",
	AsOf:            "Reference date",
	Seed:            "Seed",
	SizeAsked:       "Size asked for",
	PopulationSize:  "Population size",
	Drawn:           "Drawn",
	DrawnAll:        "all %d records: the size asked for is not smaller than the population",
	Method:          "Method",
	MethodText: "The population is ordered by source file, row and record key. A PCG generator " +
		"seeded with the seed picks the records from it without replacement (Fisher-Yates). They are " +
		"listed in the order drawn: checking only the first n still gives a random sample of n. " +
		"The same seed on the same exports with the same options gives the same records in the same order.",
	Redraw:     "Redraw",
	Version:    "avgaudit version",
	Inputs:     "Files read",
	Product:    "Product",
	Sheet:      "Sheet",
	RowsLoaded: "Rows loaded",
	SHA256:     "SHA-256",
	Records:    "%d records",
	Page:       "Page &P of &N",
}

// labelsFor returns the labels of lang, or an error naming the languages.
func labelsFor(lang string) (*labels, error) {
	switch lang {
	case "", "nl":
		return &labelsNL, nil
	case "en":
		return &labelsEN, nil
	}
	return nil, fmt.Errorf("unknown checklist language %q: want \"nl\" or \"en\"", lang)
}

// pick returns t in the checklist's language, or in the other when empty.
func (l *labels) pick(t results.Text) string {
	a, b := t.NL, t.EN
	if l.Lang == "en" {
		a, b = b, a
	}
	if a != "" {
		return a
	}
	return b
}

// date writes a YYYY-MM-DD date as "1 september 2026" or "1 September
// 2026"; another value as it is.
func (l *labels) date(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return fmt.Sprintf("%d %s %d", d.Day(), l.Months[d.Month()-1], d.Year())
}
