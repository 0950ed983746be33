package profiles_test

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/avgaudit/avgaudit/manifest"
	"github.com/avgaudit/avgaudit/profiles"
)

// TestRecogniseSamples places every export of the sample organisation as
// its committed manifest does: same table per file and sheet, every
// committed column and value mapping proposed, same products.
func TestRecogniseSamples(t *testing.T) {
	fsys := os.DirFS("../samples/org")
	want, err := manifest.Load(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	p, err := profiles.Recognise(fsys, ".", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range p.Unplaced { // an error below if the committed manifest lists it
		t.Logf("not placed: %s: %s", u.Label(), u.Reason.EN)
	}
	got := p.Manifest("De Klimboom")
	if got.Policy != want.Policy {
		t.Errorf("policy %q, want %q", got.Policy, want.Policy)
	}
	proposed := map[string]*manifest.File{}
	for _, f := range got.Files() {
		proposed[f.Label()] = f
	}
	for _, w := range want.Files() {
		g := proposed[w.Label()]
		if g == nil {
			t.Errorf("%s: not proposed", w.Label())
			continue
		}
		delete(proposed, w.Label())
		if g.Table != w.Table || g.Product != w.Product {
			t.Errorf("%s: proposed %s from %s, committed %s from %s", w.Label(), g.Table, g.Product, w.Table, w.Product)
		}
		for h, c := range w.Columns {
			if g.Columns[h] != c {
				t.Errorf("%s: %q proposed as %q, committed %q", w.Label(), h, g.Columns[h], c)
			}
		}
		for col, labels := range w.Values {
			for label, v := range labels {
				// The loader reads a canonical value in any case ("VVE" is vve).
				if g.Values[col][label] != v && !strings.EqualFold(label, v) {
					t.Errorf("%s: value %q of %s proposed as %q, committed %q", w.Label(), label, col, g.Values[col][label], v)
				}
			}
		}
	}
	for l := range proposed {
		t.Errorf("%s: proposed but not in the committed manifest", l)
	}
}

// TestRecogniseMessy places the exports of testdata/messy, or says why not.
func TestRecogniseMessy(t *testing.T) {
	p, err := profiles.Recognise(os.DirFS("testdata/messy"), ".", "")
	if err != nil {
		t.Fatal(err)
	}
	var placed []string
	for _, pl := range p.Placed {
		line := pl.Label() + " -> " + pl.Result.Table + " (" + pl.Result.Score().EN + ")"
		for col, labels := range pl.Values {
			for _, l := range slices.Sorted(maps.Keys(labels)) {
				line += fmt.Sprintf("; %s: %q=%s", col, l, labels[l])
			}
		}
		for _, n := range pl.Notes {
			line += "; note: " + n.EN
		}
		placed = append(placed, line)
	}
	wantPlaced := []string{
		`sub/kinderen.csv -> admin_children (4 of 15 columns)`,
		`ouders.csv -> admin_guardians (3 of 8 columns); note: Naam: the header has 2 columns of this name; rename all but the one to load in the export`,
		`toestemmingen.csv -> portal_consents (4 of 6 columns); consent_type: "Foto's in de app"=photo_portal; consent_type: "Zwemles"=-`, // a question the model has no value for: its rows are left out
		`KIJK kinderen.txt -> tracking_children (8 of 10 columns)`,
		`Klachten.csv -> complaints (3 of 4 columns)`,
	}
	if diff := cmp.Diff(wantPlaced, placed); diff != "" {
		t.Errorf("placed (-want +got):\n%s", diff)
	}
	var unplaced []string
	for _, u := range p.Unplaced {
		unplaced = append(unplaced, u.Label()+": "+u.Reason.EN)
	}
	wantUnplaced := []string{
		`blad1.csv: fits complaints (3 of 4 columns) and requests (3 of 5 columns) and applicants (3 of 5 columns) equally well; add it to the manifest by hand with the right table`,
		`leeg.csv: empty: no header row with column names`,
		`oud.xls: an old Excel 97-2003 workbook (.xls), which cannot be read: open it in Excel and save it as "Excel-werkmap (.xlsx)"`,
		`twee-tabellen.csv: row 1: the header row holds two tables side by side: columns 1-2 ("Kindnummer", "Einddatum opvang") and columns 4-5 ("Oudernummer", "Naam"), with column 3 empty between them; put each table on its own sheet or in its own file, or, if it is one table, delete the empty column 3`,
	}
	if diff := cmp.Diff(wantUnplaced, unplaced); diff != "" {
		t.Errorf("not placed (-want +got):\n%s", diff)
	}
	if p.Products["admin"] != "onbekend" || !p.Guessed["admin"] {
		t.Errorf("admin product %q (guessed %v), want onbekend", p.Products["admin"], p.Guessed["admin"])
	}
}
