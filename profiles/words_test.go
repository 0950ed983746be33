package profiles

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/model"
)

// TestLexiconHasNoDoubleWords fails when a word means two concepts: the
// look-up would depend on map order.
func TestLexiconHasNoDoubleWords(t *testing.T) {
	seen := map[string]string{}
	for concept, ws := range concepts {
		for _, w := range strings.Fields(ws) {
			if other, dup := seen[w]; dup {
				t.Errorf("%q means both %s and %s", w, other, concept)
			}
			seen[w] = concept
		}
	}
}

func TestConcepts(t *testing.T) {
	for in, want := range map[string]string{
		"Datum einde opvang":       "date end care",
		"Einddatum opvang":         "end date care",
		"Administratienummer kind": "admin number child",
		"Toestemmingsformulier":    "consent form",
		"Verwerkingsregister":      "activity register",
		"DateOfBirth":              "date birth",
		"placed_until":             "care end",
		"Tussenv.":                 "prefix",
		"Adm.nr.":                  "admin number",
		"Geplaatst t/m":            "posted end",
		"Opzegdatum":               "opzeg date",
		"E-mailadres ouder 1":      "email parent",
		"Huisarts":                 "huisarts",
		"Foto's op social media":   "photo social media",
		"revoked_at":               "withdrawn",
		// abbreviated parts, read by the words they begin or contract
		"GEBDAT":                 "birth date",
		"DATUM_UIT":              "date out",
		"Roepnm.":                "first name",
		"Achternm.":              "last name",
		"Tsv.":                   "prefix",
		"VOORV":                  "prefix",
		"Woonplts":               "city",
		"Begindat. plaatsing":    "start date care",
		"STRAAT_HNR":             "address",
		"RELNR":                  "relation number",
		"2FA":                    "mfa",
		"Vervoer bakfiets/busje": "transport bakfiets",
		// real words and acronyms are no abbreviation
		"Record":             "record",
		"Linked at":          "linked",
		"Work end":           "work end",
		"Place of residence": "place residence",
		"Bedrag incl. btw":   "amount incl btw",
		"MDM enrolled":       "mdm start",
		"Subverwerkers":      "sub vendor",
		"Woonadres":          "woon address",
		"Uitdr. toestemming": "uitdr consent",
		"Display name":       "dis play name",
		"Vrnm.":              "vrnm",
	} {
		if got := strings.Join(Concepts(in), " "); got != want {
			t.Errorf("Concepts(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestConceptsInTable checks abbreviations the known names of one table
// settle: a single letter before a word ("Vnaam" is the Voornaam), a part
// that begins words of several meanings ("Verz." is the verzorger among
// parents, "GESL" the geslacht of a child).
func TestConceptsInTable(t *testing.T) {
	for _, tc := range []struct{ table, in, want string }{
		{"portal_children", "Vnaam", "first name"},
		{"portal_children", "Anaam", "last name"},
		{"admin_guardians", "Verz.nr", "parent number"},
		{"admin_guardians", "Naam verz.", "name parent"},
		{"admin_children", "GESL", "gender"},
		{"admin_children", "Dat.", "date"},
		{"admin_children", "J/N", "j n"},
	} {
		if got := strings.Join(conceptsIn(tc.in, tc.table), " "); got != tc.want {
			t.Errorf("conceptsIn(%q, %s) = %q, want %q", tc.in, tc.table, got, tc.want)
		}
	}
}

func TestNearestValue(t *testing.T) {
	tests := map[string]string{
		"Foto's op social media en website":            "photo_external",
		"Publicatie van foto's op website en Facebook": "photo_external",
		"Foto's in de ouderapp":                        "photo_portal",
		"Photos in the parent app":                     "photo_portal",
		"Mag opgehaald worden door anderen":            "pickup_by_others",
		"Ophalen door opa, oma of buren":               "pickup_by_others",
		"Vriendje mag komen spelen":                    "friend_visit",
		"Friend may visit":                             "friend_visit",
		"Mag bij een vriendje spelen":                  "visit_friend",
		"May visit a friend":                           "visit_friend",
		"Spelen bij een vriendje thuis":                "visit_friend",
		"Zelfstandig van school naar de BSO":           "independent_from_school",
		"Mag alleen naar huis":                         "independent_home",
		"Zwemles":                                      "",
		// photos in the portal's own timeline or diary; not a newsletter (no proposal rather than a wrong one)
		"Photos in the Kwebbel timeline":   "photo_portal",
		"Foto's in het dagboek van de app": "photo_portal",
		"Foto's in de nieuwsbrief":         "",
		"Photos on our website":            "photo_website",
	}
	for label, want := range tests {
		got, _, ok := nearestValue("consent_type", model.ConsentTypes, label)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("nearestValue(%q) = %q, want %q", label, got, want)
		}
	}
}

func TestBoolValue(t *testing.T) {
	type answer struct{ yes, ok bool }
	got := map[string]answer{}
	for _, v := range []string{"ja", "Nee", "x", "Akkoord", "Niet akkoord", "Toestemming gegeven", "Geen toestemming", "Refused", "misschien", "TS-10392", "Foto's op de website",
		"Yes, I agree", "No, I do not agree", "Ja, ik ga akkoord", "Ja, maar niet op social media", "I agree"} {
		y, ok := boolValue(v)
		got[v] = answer{y, ok}
	}
	want := map[string]answer{
		"ja": {true, true}, "Nee": {false, true}, "x": {true, true}, "Akkoord": {true, true}, "Niet akkoord": {false, true},
		"Toestemming gegeven": {true, true}, "Geen toestemming": {false, true}, "Refused": {false, true},
		"misschien": {false, false}, "TS-10392": {false, false}, "Foto's op de website": {false, false},
		// an answer written as a sentence, but not one with a condition
		"Yes, I agree": {true, true}, "No, I do not agree": {false, true}, "Ja, ik ga akkoord": {true, true},
		"Ja, maar niet op social media": {false, false}, "I agree": {true, true},
	}
	if diff := cmp.Diff(want, got, cmp.AllowUnexported(answer{})); diff != "" {
		t.Errorf("boolValue (-want +got):\n%s", diff)
	}
}

// TestDraftLinesReadAsText: a draft's line for a required column no
// header resembles names the column in words of the run's language, not
// as a Go value ("{system system (...)}", blind test 2).
func TestDraftLinesReadAsText(t *testing.T) {
	r := Result{Candidate: Candidate{Table: "accounts", Missing: []string{"system"}}}
	for _, nl := range []bool{true, false} {
		lines := draftLines(r, nl)
		if len(lines) == 0 {
			t.Fatalf("nl=%v: no draft lines", nl)
		}
		for _, l := range lines {
			if strings.Contains(l, "{system ") {
				t.Errorf("nl=%v: %q shows a Go value", nl, l)
			}
		}
	}
}

// TestHashIsNumber: a header "#" (or "Kind #") says it is a number.
func TestHashIsNumber(t *testing.T) {
	for h, want := range map[string]string{"#": "number", "Kind #": "child number"} {
		if got := strings.Join(Concepts(h), " "); got != want {
			t.Errorf("Concepts(%q) = %q, want %q", h, got, want)
		}
	}
}

// TestYesNoSiblingOtherForm: yes/no answers under a header that names a
// breach's date of reporting go to the yes/no column of the same word in
// another form (reported_to_ap_at: reportable).
func TestYesNoSiblingOtherForm(t *testing.T) {
	tb, _ := model.Lookup("breaches")
	col, _ := tb.Column("reported_to_ap_at")
	sh := (Values{Distinct: []string{"Ja", "Nee"}, Rows: 5}).shape()
	if got := yesNoSibling(tb, col, sh); got != "reportable" {
		t.Errorf("yesNoSibling(reported_to_ap_at) = %q, want reportable", got)
	}
	for h, want := range map[string]string{"Team": "group", "Methode": "channel"} {
		if got := strings.Join(Concepts(h), " "); got != want {
			t.Errorf("Concepts(%q) = %q, want %q", h, got, want)
		}
	}
}

// TestProductNames: a capital inside a word is a brand ("KindPlan"), the
// plural of a known word ("facturen") is none; a product is written as the
// processor register writes it, also when only a row's description names
// it or when the file name abbreviates the parts of its words.
func TestProductNames(t *testing.T) {
	for names, want := range map[string]string{"KindPlan_kinderen_20261201.csv ": "KindPlan", "facturen_2025-2026.csv ": "", "EntraID_gebruikers.csv ": "EntraID"} {
		if got := productToken(names); got != want {
			t.Errorf("productToken(%q) = %q, want %q", names, got, want)
		}
	}
	p := &Proposal{registerNames: []string{"Opvangsoft BV", "Kinderopvang Online", "Kapsalon & Fotografie Studio Maas"},
		registerText: [][2]string{{"Opvangsoft BV", "KindPlan (kindadministratie, facturatie)"}, {"Kapsalon & Fotografie Studio Maas", "groepsfoto's"}}}
	for token, want := range map[string]string{"KindPlan": "Opvangsoft BV", "KOO": "Kinderopvang Online", "Onbekend": "Onbekend"} {
		if got := p.registerName(token); got != want {
			t.Errorf("registerName(%q) = %q, want %q", token, got, want)
		}
	}
}

// TestShortYearsAreNoDates checks that dates with a two-digit year, which
// the loader does not read, keep a header off a date column and say why.
func TestShortYearsAreNoDates(t *testing.T) {
	sh := (Values{Distinct: []string{"6/6/25", "3/1/26", "11/1/26"}, Rows: 5, Blanks: 2}).shape()
	c := &model.Column{Name: "archived_at", Type: model.Date}
	fv, why := sh.fits(c)
	if fv >= 0 || !strings.Contains(why.EN, "two-digit year (6/6/25)") {
		t.Errorf("fits = %d, %q; want -1 naming the two-digit year", fv, why.EN)
	}
}

// TestNearestValueOwnName checks labels proposed by a value's own name
// when no profile has labels for it ("legal_duty"), and a compound whose
// head the lexicon knows as a wish ("Dieetwens").
func TestNearestValueOwnName(t *testing.T) {
	for _, tc := range []struct{ column, label, want string }{
		{"basis", "Wettelijke plicht (VVE)", "legal_duty"},
		{"category", "Dieetwens", "diet"},
	} {
		var allowed []string
		for _, tb := range []string{"portal_notes"} {
			tt, _ := model.Lookup(tb)
			c, _ := tt.Column(tc.column)
			allowed = c.Values
		}
		if v, _, ok := nearestValue(tc.column, allowed, tc.label); !ok || v != tc.want {
			t.Errorf("nearestValue(%s, %q) = %q (%v), want %q", tc.column, tc.label, v, ok, tc.want)
		}
	}
}
