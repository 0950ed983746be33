package profiles_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/model"
	"github.com/avgaudit/avgaudit/profiles"
)

// TestEveryColumnHasSynonyms fails when a canonical column has no export
// header besides its own name, or when one header means two columns of a
// table (the matcher could not tell them apart).
func TestEveryColumnHasSynonyms(t *testing.T) {
	for _, tb := range model.Tables {
		seen := map[string]string{}
		for _, c := range tb.Columns {
			syn := profiles.Synonyms(tb.Name, c.Name)
			if len(syn) < 2 {
				t.Errorf("%s.%s has no synonyms in the header profiles", tb.Name, c.Name)
			}
			for _, s := range syn {
				k := profiles.Key(s)
				if other, dup := seen[k]; dup && other != c.Name {
					t.Errorf("%s: header %q means both %s and %s", tb.Name, s, other, c.Name)
				}
				seen[k] = c.Name
			}
		}
	}
}

func TestKey(t *testing.T) {
	for in, want := range map[string]string{
		"Geb. datum":                  "gebdatum",
		" GEBOORTE-DATUM ":            "geboortedatum",
		"Betrokkenen geïnformeerd op": "betrokkenengeinformeerdop",
		"Foto's":                      "fotos",
		"E-mail adres":                "emailadres",
	} {
		if got := profiles.Key(in); got != want {
			t.Errorf("Key(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name    string
		header  []string
		names   string // file and sheet names
		table   string
		columns map[string]string // header -> canonical column
		reason  string            // when not placed
	}{
		{
			name:   "Kidsadmin children, abbreviated and English headers",
			header: []string{"Kindnr", "Roepnaam", "Achternaam", "Geb. datum", "BSN kind", "Einddatum opvang", "Huisarts"},
			table:  "admin_children",
			columns: map[string]string{"Kindnr": "child_id", "Roepnaam": "first_name", "Achternaam": "last_name",
				"Geb. datum": "birth_date", "BSN kind": "bsn", "Einddatum opvang": "care_end"},
		},
		{
			name:    "English children export",
			header:  []string{"Child number", "First name", "Date of birth", "Citizen service number", "End of care"},
			table:   "admin_children",
			columns: map[string]string{"Child number": "child_id", "First name": "first_name", "Date of birth": "birth_date", "Citizen service number": "bsn", "End of care": "care_end"},
		},
		{
			name:    "case, accents and punctuation do not matter",
			header:  []string{"KIND ID", "geboorte datum", "Einddatum  plaatsing", "vóórnaam"},
			table:   "portal_children",
			columns: map[string]string{"KIND ID": "portal_child_id", "geboorte datum": "birth_date", "Einddatum  plaatsing": "placement_end", "vóórnaam": "first_name"},
		},
		{
			name:    "a canonical name wins over a synonym",
			header:  []string{"Kindnummer", "child_id", "Einddatum opvang"},
			table:   "admin_children",
			columns: map[string]string{"child_id": "child_id", "Einddatum opvang": "care_end"},
		},
		{
			name:    "the same child id header in a tracking export",
			header:  []string{"Kind-ID", "Mentor", "VVE", "Gearchiveerd op"},
			table:   "tracking_children",
			columns: map[string]string{"Kind-ID": "tracking_child_id", "Mentor": "mentor", "VVE": "vve_indication", "Gearchiveerd op": "archived_at"},
		},
		{
			name:    "more matched columns win: requests over complaints",
			header:  []string{"Nummer", "Soort verzoek", "Ontvangen op", "Afgehandeld op"},
			table:   "requests",
			columns: map[string]string{"Nummer": "request_id", "Soort verzoek": "type", "Ontvangen op": "received_at", "Afgehandeld op": "answered_at"},
		},
		{
			name:    "a tie is settled by the sheet name",
			header:  []string{"Nummer", "Ontvangen op", "Afgehandeld op"},
			names:   "registers.xlsx Klachten",
			table:   "complaints",
			columns: map[string]string{"Nummer": "complaint_id", "Ontvangen op": "received_at", "Afgehandeld op": "handled_at"},
		},
		{
			name:   "a tie without a name is not placed",
			header: []string{"Nummer", "Ontvangen op", "Afgehandeld op"},
			names:  "registers.xlsx Blad1",
			reason: "fits complaints (3 of 4 columns) and requests (3 of 5 columns) and applicants (3 of 5 columns) equally well; add it to the manifest by hand with the right table",
		},
		{
			name:   "a required column missing",
			header: []string{"Kindnummer", "Voornaam", "Achternaam", "Geboortedatum"},
			reason: "closest is admin_children (4 of 15 columns), but no header was recognised as the required care_end (end of care; empty while care continues); if the export has it under another name, add the file to the manifest by hand and map that header, otherwise export it again with that column",
		},
		{
			name: "Kidsadmin headers with a qualifier, abbreviation or part in brackets",
			header: []string{"Kindnr", "Voornaam kind", "Achternaam kind", "Geb.datum", "BSN-nummer", "Straat + huisnr.",
				"Startdatum plaatsing", "Einddatum plaatsing", "Naam ouder 1", "E-mailadres ouder 1"},
			names: "Kidsadmin/Kinderen export 01-09-2026.csv",
			table: "admin_children",
			columns: map[string]string{"Kindnr": "child_id", "Voornaam kind": "first_name", "Achternaam kind": "last_name",
				"Geb.datum": "birth_date", "BSN-nummer": "bsn", "Straat + huisnr.": "address",
				"Startdatum plaatsing": "care_start", "Einddatum plaatsing": "care_end"},
		},
		{
			name:   "parent qualifiers, nr for nummer and the part in brackets",
			header: []string{"Relatienr", "Kindnr", "Naam ouder/verzorger", "E-mailadres ouder 1", "Tel. mobiel", "Rekeningnr. (IBAN)", "Relatie tot kind"},
			table:  "admin_guardians",
			columns: map[string]string{"Relatienr": "guardian_id", "Kindnr": "child_id", "Naam ouder/verzorger": "name",
				"E-mailadres ouder 1": "email", "Tel. mobiel": "phone", "Rekeningnr. (IBAN)": "iban", "Relatie tot kind": "relation"},
		},
		{
			name:    "a header as written wins over one that matches without its qualifier",
			header:  []string{"Kind-ID", "E-mailadres ouder 2", "E-mailadres", "Toegang"},
			table:   "portal_guardians",
			columns: map[string]string{"Kind-ID": "portal_child_id", "E-mailadres": "email", "Toegang": "has_access"},
		},
		{
			name:   "register abbreviations",
			header: []string{"Nr", "Datum ontdekt", "Meldplichtig (j/n)", "Gemeld bij AP op"},
			table:  "breaches",
			columns: map[string]string{"Nr": "breach_id", "Datum ontdekt": "discovered_at", "Meldplichtig (j/n)": "reportable",
				"Gemeld bij AP op": "reported_to_ap_at"},
		},
		{
			name: "a table taking a header as its key beats one matching more columns",
			header: []string{"Kind-ID", "Kindnummer", "Voornaam", "Achternaam", "Geboortedatum", "Geslacht", "Locatie", "Groep",
				"Startdatum plaatsing", "Einddatum plaatsing"},
			table: "portal_children",
			columns: map[string]string{"Kind-ID": "portal_child_id", "Kindnummer": "child_id", "Voornaam": "first_name",
				"Achternaam": "last_name", "Geboortedatum": "birth_date", "Groep": "group_name",
				"Startdatum plaatsing": "placement_start", "Einddatum plaatsing": "placement_end"},
		},
		{
			name:   "the tussenvoegsel in its own column is the name prefix, not the last name",
			header: []string{"Kind-ID", "Kindnummer", "Voornaam", "Tussenvoegsel", "Achternaam", "Geboortedatum", "Mentor", "Gearchiveerd op"},
			names:  "kijk/kinderen.csv",
			table:  "tracking_children",
			columns: map[string]string{"Kind-ID": "tracking_child_id", "Kindnummer": "child_id", "Voornaam": "first_name",
				"Tussenvoegsel": "name_prefix", "Achternaam": "last_name", "Geboortedatum": "birth_date", "Mentor": "mentor",
				"Gearchiveerd op": "archived_at"},
		},
		{
			name:    "English name prefix headers",
			header:  []string{"Child number", "First name", "Name prefix", "Last name", "End of care"},
			table:   "admin_children",
			columns: map[string]string{"Child number": "child_id", "First name": "first_name", "Name prefix": "name_prefix", "Last name": "last_name", "End of care": "care_end"},
		},
		{
			name:    "a product in the file name picks its system: KIJK!",
			header:  []string{"Kind-ID", "Voornaam", "Groep", "Einddatum plaatsing", "Gearchiveerd op"},
			names:   "KIJK kinderen.txt",
			table:   "tracking_children",
			columns: map[string]string{"Kind-ID": "tracking_child_id", "Voornaam": "first_name", "Groep": "group_name", "Gearchiveerd op": "archived_at"},
		},
		{
			name:    "a product in the file name picks its system: Konnect",
			header:  []string{"Kind-ID", "Voornaam", "Groep", "Einddatum plaatsing", "Gearchiveerd op"},
			names:   "Konnect export.xlsx Kinderen",
			table:   "portal_children",
			columns: map[string]string{"Kind-ID": "portal_child_id", "Voornaam": "first_name", "Groep": "group_name", "Einddatum plaatsing": "placement_end"},
		},
		{
			name:   "without a product name that is a tie",
			header: []string{"Kind-ID", "Voornaam", "Groep", "Einddatum plaatsing", "Gearchiveerd op"},
			names:  "kinderen.csv",
			reason: "fits portal_children (4 of 9 columns) and tracking_children (4 of 10 columns) equally well; add it to the manifest by hand with the right table",
		},
		{
			name:   "not placed on a weaker fit when a closer table lacks a required column",
			header: []string{"Nr.", "Datum melding", "Soort verzoek", "Verlenging gemeld", "Afgehandeld op"},
			names:  "AVG-registers.xlsx AVG-verzoeken",
			reason: "closest is requests (4 of 5 columns), but no header was recognised as the required received_at (date received); if the export has it under another name, add the file to the manifest by hand and map that header, otherwise export it again with that column; it also fits complaints (2 of 4 columns), which matches fewer columns",
		},
		{
			name:   "nothing known",
			header: []string{"Artikel", "Prijs", "Voorraad"},
			reason: "no column header matches a column of any table, so it is not loaded (nothing to do if it holds notes rather than an export)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := profiles.Match(tt.header, tt.names)
			if r.Table != tt.table || r.Reason.EN != tt.reason {
				t.Fatalf("got table %q reason %q, want %q %q", r.Table, r.Reason.EN, tt.table, tt.reason)
			}
			if tt.table == "" {
				return
			}
			got := map[string]string{}
			for i, c := range r.Columns {
				got[tt.header[i]] = c
			}
			if diff := cmp.Diff(tt.columns, got); diff != "" {
				t.Errorf("columns (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValueMapping(t *testing.T) {
	mapped, unknown := profiles.ValueMapping("portal_consents", "consent_type",
		[]string{"Foto's in ouderportaal", "foto's EXTERN", "transport", "Zwemmen"})
	if diff := cmp.Diff(map[string]string{"Foto's in ouderportaal": "photo_portal", "foto's EXTERN": "photo_external"}, mapped); diff != "" {
		t.Errorf("mapped (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"Zwemmen"}, unknown); diff != "" {
		t.Errorf("unknown (-want +got):\n%s", diff)
	}
	// "Overig" is general for notes and other for documents.
	notes, _ := profiles.ValueMapping("portal_notes", "category", []string{"Overig"})
	files, _ := profiles.ValueMapping("onedrive_files", "category", []string{"Overig"})
	if notes["Overig"] != "general" || files["Overig"] != "other" {
		t.Errorf("Overig: notes %v, files %v", notes, files)
	}
}

// TestBirthDatesAreNoEnd checks the values' veto on an end date filled by
// values alone: of two date columns no header's words name, the one filled
// in every row with dates years before the start of care holds birth dates;
// the one with blanks (care that goes on) is the end of care.
func TestBirthDatesAreNoEnd(t *testing.T) {
	s := &profiles.Sheet{
		Header: []string{"KINDNR", "VOORNAAM", "ACHTERNAAM", "GD", "DATUM_IN", "XYZ"},
		Names:  "kinderen.txt",
		Values: []profiles.Values{
			{Distinct: []string{"K1", "K2", "K3", "K4"}, Rows: 4},
			{Distinct: []string{"Noor", "Sem", "Liv", "Jens"}, Rows: 4},
			{Distinct: []string{"Bakker", "Visser", "Smit", "Bos"}, Rows: 4},
			{Distinct: []string{"20150110", "20160211", "20170312", "20180413"}, Rows: 4},
			{Distinct: []string{"20160101", "20170201", "20180301", "20190401"}, Rows: 4},
			{Distinct: []string{"20190831", "20200831"}, Rows: 4, Blanks: 2},
		},
	}
	r := profiles.MatchSheet(s, nil)
	if r.Table != "admin_children" {
		t.Fatalf("placed on %q (%s), want admin_children", r.Table, r.Reason.EN)
	}
	if r.Columns[3] == "care_end" || r.Columns[5] != "care_end" {
		t.Errorf("GD -> %q, XYZ -> %q; want XYZ as care_end and GD not", r.Columns[3], r.Columns[5])
	}
}
