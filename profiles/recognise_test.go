package profiles_test

import (
	"os"
	"strings"
	"testing"

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
	p, err := profiles.Recognise(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range p.Unplaced {
		t.Errorf("not placed: %s: %s", u.Label(), u.Reason)
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
